"""Small generated libraries for the library tests: Markdown articles with front matter and quotes."""

from __future__ import annotations

from pathlib import Path


def write_article(folder: Path, name: str, title: str, paragraphs: list[str], *, site: str = "The Daily Test",
                  author: str = "Ann Lee", date: str = "2024-05-01") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    front = f'---\ntitle: "{title}"\nauthor: "{author}"\ndate: {date}\nsite: "{site}"\n---\n\n'
    path.write_text(front + f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def filler(topic: str, n: int = 3) -> list[str]:
    return [f"The {topic} was discussed at length by the committee on day {k}, with members raising "
            f"several points about budgets, timing and the region's long term plans." for k in range(n)]


def make_library(folder: Path) -> dict[str, Path]:
    """Four articles: two quote Jens Stoltenberg (one by surname only), one (in other/) quotes another
    Stoltenberg beside him, one quotes nobody and is about harbours."""
    return {
        "nato": write_article(folder, "nato-talks.md", "Alliance talks resume in Brussels", [
            "NATO Secretary General Jens Stoltenberg spoke to reporters on Monday morning.",
            '"We do not seek confrontation with anyone in the region," Jens Stoltenberg said.',
            *filler("alliance"),
        ], site="Brussels Wire", author="Ann Lee", date="2024-03-01"),
        "summit": write_article(folder, "world/summit.md", "Summit ends without agreement", [
            "The secretary general arrived late to the summit after talks in Warsaw.",
            '"Confronting these threats takes patience and allies," Stoltenberg told the press.',
            *filler("summit"),
        ], site="Warsaw Herald", author="Piotr Nowak", date="2024-04-02"),
        "health": write_article(folder, "other/health.md", "Public health institute warns of flu season", [
            '"The alliance between clinics and schools matters most this winter," said Camilla Stoltenberg.',
            '"We have seen nothing like this confrontation with the virus before," said Jens Stoltenberg.',
            *filler("institute"),
        ], site="Oslo Post", author="Kari Berg", date="2024-01-15"),
        "harbour": write_article(folder, "harbour.md", "Harbour wind farm approved after long vote", [
            "Councillors approved the harbour wind farm after a marathon meeting that ran past midnight.",
            *filler("harbour"),
        ], site="Kelmouth Courier", author="Morwenna Hale", date="2023-11-20"),
    }
