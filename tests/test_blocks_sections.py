"""HTML blocks, Markdown blocks, sections, discovery, sanitising, the state store."""


from tui_reader.core.extract.html_blocks import blocks_from_tree, parse_fragment
from tui_reader.core.extract.markdown import parse_markdown
from tui_reader.core.extract.sections import build_sections
from tui_reader.core.library.discover import find_article_files
from tui_reader.core.model import Block
from tui_reader.core.sanitize import clean_inline, strip_controls
from tui_reader.core.state import State


def html_blocks(html, base=None):
    return blocks_from_tree(parse_fragment(html), base)


def test_html_block_kinds_and_no_glued_words():
    blocks = html_blocks("<div><h3>Sub <em>head</em></h3><p>One</p><div>Two<p>Three</p>Four</div>"
                         "<ul><li>a</li><li>b</li></ul><blockquote><p>q</p></blockquote>"
                         "<figure><img src=x><figcaption>cap</figcaption></figure><pre>x\n  y</pre></div>")
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Sub head"), ("paragraph", "One"), ("paragraph", "Two"), ("paragraph", "Three"),
        ("paragraph", "Four"), ("list_item", "a"), ("list_item", "b"), ("blockquote", "q"), ("figure", "cap"),
        ("preformatted", "x\n  y")]
    assert blocks[0].level == 3


def test_a_list_or_paragraph_inside_a_heading_is_the_heading():
    # QA (AEB 7a664e40, CBS): '<h3><ol><li>"My fears have been realized"</li></ol></h3>' was a list item: listed as a
    # quote and counted as a paragraph in APA's "para." locator
    blocks = html_blocks('<p>Here are the highlights:</p><h3><ol><li>"My fears have been realized"</li></ol></h3>'
                         '<p>Morrison spoke.</p><h2><div>Second part</div></h2><ul><li>An item</li></ul>')
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Here are the highlights:"), ("heading", '"My fears have been realized"'),
        ("paragraph", "Morrison spoke."), ("heading", "Second part"), ("list_item", "An item")]


def test_html_links_resolved_with_spans_through_whitespace_folding():
    (block,) = html_blocks('<p>See   <a href="/a/b">the\n  story</a> and <a href="#top">top</a>.</p>', "https://e.com/x/y")
    assert block.text == "See the story and top."
    (link,) = block.links
    assert (link.text, link.url) == ("the story", "https://e.com/a/b")
    assert block.text[link.start:link.end] == "the story"


def test_html_br_is_a_line_break_and_controls_go():
    (block,) = html_blocks("<p>line one<br>line \x1b[31mtwo\x07</p>")
    assert block.text == "line one\nline two"


def test_html_hidden_and_scripts_skipped():
    blocks = html_blocks('<div><p>shown</p><p hidden>no</p><p aria-hidden="true">no</p><script>x()</script></div>')
    assert [b.text for b in blocks] == ["shown"]


def test_markdown_blocks_links_and_front_matter():
    doc = parse_markdown("---\ntitle: \"T\"\nauthor:\n  - Ann Lee\n---\n\n# Head\n\nSome *em* and **strong** "
                         "with [a link](https://e.com/x) and `code`.\n\n> quoted\n> more\n\n- one\n- two\n\n"
                         "```\ncode block\n```\n\nSetext\n------\n\n## Related\n\n- [Other story one here](https://e.com/1)\n")
    assert doc.meta["title"] == "T" and doc.meta["author"] == ["Ann Lee"]
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds == [("heading", "Head"), ("paragraph", "Some em and strong with a link and code."),
                     ("blockquote", "quoted more"), ("list_item", "one"), ("list_item", "two"),
                     ("preformatted", "code block"), ("heading", "Setext")]
    link = doc.blocks[1].links[0]
    assert doc.blocks[1].text[link.start:link.end] == "a link" and link.url == "https://e.com/x"
    assert doc.headlines == [("Other story one here", "https://e.com/1")]


def test_numbered_list_items_keep_their_numbers_apart_from_their_text(tmp_path):
    # QA: "1. First reading" became "• First reading" in the reader and "- First reading" in the export
    doc = parse_markdown("Steps:\n\n1. First reading\n2. Final vote\n\n- apples\n")
    assert [(b.kind, b.text, b.number) for b in doc.blocks] == [
        ("paragraph", "Steps:", None), ("list_item", "First reading", 1), ("list_item", "Final vote", 2),
        ("list_item", "apples", None)]
    html = ('<ol start="3"><li>Third</li><li value="7">Seventh</li><li><p>Eighth</p><p>more</p></li></ol>'
            '<ol reversed><li>two</li><li>one</li></ol><ul><li>dot</li></ul>')
    blocks = blocks_from_tree(parse_fragment(f"<div>{html}</div>"))
    assert [(b.text, b.number) for b in blocks] == [
        ("Third", 3), ("Seventh", 7), ("Eighth", 8), ("more", None), ("two", 2), ("one", 1), ("dot", None)]
    from tui_reader.core import load_article
    from tui_reader.core.render import article_to_markdown

    page = tmp_path / "steps.md"
    page.write_text("# Steps\n\nThe council votes twice:\n\n1. First reading\n2. Final vote\n", encoding="utf-8")
    assert "1. First reading\n2. Final vote" in article_to_markdown(load_article(str(page)))


def test_a_markdown_table_is_a_table_block_with_aligned_columns():
    # QA: a budget table came out as one run-on line of pipes in the reader and the export
    doc = parse_markdown("Spending:\n\n| Department | 2025 (£m) | Note |\n|---|---:|:--|\n| Social care | 121.9 | up *a lot* |\n"
                         "| Libraries | 3.7 | a \\| b |\n\nAfter.\n")
    assert [b.kind for b in doc.blocks] == ["paragraph", "table", "paragraph"]
    assert doc.blocks[1].text.splitlines() == [
        "| Department  | 2025 (£m) | Note     |",
        "| ----------- | --------: | -------- |",
        "| Social care |     121.9 | up a lot |",
        "| Libraries   |       3.7 | a \\| b   |",
    ]
    # a line with a pipe but no delimiter row after it stays a paragraph
    assert [b.kind for b in parse_markdown("a | b\nc | d\n").blocks] == ["paragraph"]


def test_a_web_clippers_front_matter_is_read(tmp_path):
    # QA: Obsidian Web Clipper's default template gave "Doe]], . [[Jane ." and read "source:" as the site
    from tui_reader.core import load_article

    page = tmp_path / "clip.md"
    page.write_text('---\ntitle: "He said \\"no\\" to the plan"\nsource: "https://www.example.com/news/plan"\n'
                    'author:\n  - "[[Jane Doe]]"\n  - "[[People/John Smith|John Smith]]"\npublished: 2024-03-05\n'
                    "note: 'It''s clipped'\n---\nThe council met on Tuesday.\n", encoding="utf-8")
    md = load_article(str(page)).metadata
    assert md.title == 'He said "no" to the plan' and [a.name for a in md.authors] == ["Jane Doe", "John Smith"]
    assert md.url == "https://www.example.com/news/plan" and md.site is None and md.published == "2024-03-05"
    assert parse_markdown("---\nnote: 'It''s clipped'\n---\n").meta["note"] == "It's clipped"


def test_sections_lead_and_headings():
    blocks = [Block("paragraph", "lead"), Block("heading", "A", 2), Block("paragraph", "a1"),
              Block("heading", "B", 3), Block("paragraph", "b1")]
    sections = build_sections(blocks)
    assert [(s.title, s.level, len(s.blocks)) for s in sections] == [(None, 0, 1), ("A", 2, 2), ("B", 3, 2)]
    assert build_sections([Block("heading", "Only", 2)])[0].blocks[0].text == "Only"
    assert build_sections([]) == ()
    assert len(build_sections([Block("paragraph", "x"), Block("paragraph", "y")])) == 1


def test_discover_recursive_skips_assets_hidden_and_others(tmp_path):
    (tmp_path / "a.html").write_text("x")
    (tmp_path / "a_files").mkdir()
    (tmp_path / "a_files" / "inner.html").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("x")
    (tmp_path / "sub" / "c.png").write_bytes(b"x")
    found = find_article_files([tmp_path, tmp_path / "a.html"])
    assert [p.name for p in found] == ["a.html", "b.md"]


def test_strip_controls_and_clean_inline():
    assert strip_controls("a\x1b[31mb\x1b]52;c;aGk=\x07c\x9b1md\u202ee\r\nf") == "abcde\nf"
    assert clean_inline("  a\u00a0 b\u200b c\n d ") == "a b c d"


def test_state_round_trip_and_corrupt_file_set_aside(tmp_path):
    state = State(tmp_path)
    state.set("positions", "h1", {"y": 12})
    assert State(tmp_path).get("positions", "h1") == {"y": 12}
    state.close()
    (tmp_path / "state.sqlite3").write_bytes(b"this is not a database" * 100)
    for extra in ("state.sqlite3-wal", "state.sqlite3-shm"):
        (tmp_path / extra).unlink(missing_ok=True)
    fresh = State(tmp_path)
    assert fresh.get("positions", "h1") is None
    fresh.set("settings", "theme", "nord")
    (aside,) = tmp_path.glob("state.sqlite3.corrupt-*")
    assert fresh.notice and str(aside) in fresh.notice and aside.read_bytes().startswith(b"this is not")
    assert fresh.get("settings", "theme") == "nord"


def test_discover_survives_symlink_loops_and_lists_a_file_once(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.txt").write_text("x")
    (tmp_path / "a" / "up").symlink_to("..")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "a" / "story.txt")
    found = find_article_files([tmp_path, tmp_path / "a"])
    assert [p.name for p in found] == ["story.txt"]


def test_discover_keeps_a_missing_file_for_its_error(tmp_path):
    assert find_article_files([tmp_path / "gone.txt"]) == [tmp_path / "gone.txt"]


def test_words_of_scripts_written_without_spaces_are_counted_by_their_characters():
    # QA: a Yahoo Japan article of about 1,000 characters counted as 18 words and "1 min"
    from tui_reader.core.model import Article, Metadata, Section

    def article(text: str) -> Article:
        return Article(path="a.txt", format="text", metadata=Metadata(), sections=(Section(None, 0, (Block("paragraph", text),)),))

    assert article("The cat sat on the mat.").word_count == 6
    assert article("今天天气很好，我们去公园散步。").word_count == 6  # 12 ideographs, two to a word
    assert article("桜の開花は三月 Google Play で").word_count == 2 + 3 + 1
    long_japanese = article("桜" * 2300)
    assert long_japanese.word_count == 1150 and long_japanese.reading_minutes == 5
