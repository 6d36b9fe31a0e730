"""The last tidying of a web page's blocks (core/extract/html_tidy.py), each rule on small block lists."""

from tui_reader.core.extract.html_tidy import tidy_blocks
from tui_reader.core.model import Block, BlockKind

P, H, Q = BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.BLOCKQUOTE
SAID = ("“Since 2008, there hasn’t been a single year of revenue gain,” said Ken Doctor, who follows the "
        "newspaper business, and the cuts go on.")


def texts(blocks):
    return [(b.kind, b.text) for b in tidy_blocks(blocks)]


def test_a_separator_line_is_not_text():
    assert texts([Block(P, "First."), Block(P, "* * *"), Block(P, "• • •"), Block(P, "Second.")]) == [
        (P, "First."), (P, "Second.")]


def test_a_pull_quote_repeating_a_paragraphs_words_goes_and_the_paragraph_stays():
    # QA (AEB 8634d1211c, LA Times): the pull quote stood as a block quote before the paragraph holding it
    pull = Block(Q, "Since 2008, there hasn’t been a single year of revenue gain")
    assert texts([Block(P, "Intro."), pull, Block(P, SAID)]) == [(P, "Intro."), (P, SAID)]
    # a block quote of words the article does not write elsewhere stays; so does a short one
    own = Block(Q, "We will rebuild the harbour wall before the winter storms arrive.")
    assert texts([Block(P, SAID), own]) == [(P, SAID), (Q, own.text)]
    assert texts([Block(P, SAID), Block(Q, "revenue gain")]) == [(P, SAID), (Q, "revenue gain")]


def test_a_heading_with_nothing_under_it_heads_no_section():
    # QA (AEB 7916ecca96, Al Jazeera): "More:" over related links that were removed split the article
    blocks = [Block(P, "One."), Block(H, "More:", 3), Block(H, "Reaction", 3), Block(P, "Two."),
              Block(H, "Background", 2), Block(H, "Earlier talks", 3), Block(P, "Three."), Block(H, "Related", 2)]
    assert texts(blocks) == [(P, "One."), (H, "Reaction"), (P, "Two."), (H, "Background"), (H, "Earlier talks"),
                             (P, "Three.")]
    # a page of headings only keeps them: there is nothing else to read
    assert texts([Block(H, "Lazy image", 1)]) == [(H, "Lazy image")]
