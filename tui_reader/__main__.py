from tui_reader.cli import main

if __name__ == "__main__":  # a process-pool worker importing this module must not start the app
    raise SystemExit(main())
