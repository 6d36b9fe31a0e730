"""Cleaning rules around readability: each rule on small hand-written HTML."""

from tui_reader.core.extract.html_blocks import blocks_from_tree, parse_fragment
from tui_reader.core.extract.html_clean import class_words, post_clean

LONG = ("The council voted on Tuesday night to approve the plan after a debate that lasted more than "
        "four hours, with residents filling the public gallery and the corridor outside. ")


def cleaned(html: str) -> list[tuple[str, str]]:
    root = parse_fragment(html)
    post_clean(root)
    return [(b.kind, b.text) for b in blocks_from_tree(root)]


def texts(html: str) -> list[str]:
    return [text for _, text in cleaned(html)]


def test_class_words_split_camel_case_and_separators():
    (el,) = parse_fragment('<div class="InlineImage-imageEmbedCaption wp_caption" id="photoCredit"></div>')
    words = class_words(el)
    assert "-caption-" in words and "-embed-" in words and "-photo-credit-" in words
    assert class_words(parse_fragment("<div></div>")) == ""


def test_figure_caption_kept_once_without_its_photo_credit():
    html = (f"<div><p>{LONG}</p><figure><img src='a.jpg'><figcaption>Boats at the quay. "
            "<span class='image-credit'>Photo: A. Person</span></figcaption></figure><p>After.</p></div>")
    blocks = cleaned(html)
    assert ("figure", "Boats at the quay.") in blocks
    assert not any("Photo: A. Person" in text for _, text in blocks)
    assert blocks[-1] == ("paragraph", "After.")


def test_captions_outside_figures_and_credits_leave_the_body():
    html = (f"<div><p>{LONG}</p><div class='gallery-item'><div class='caption'><p class='caption-full'>"
            "Officials shake hands in Hanoi.</p><p><span class='credit'>Photo: Hau Dinh, AP</span></p>"
            "</div></div><p class='newsCaption'>A protester in a mask</p><p>Text goes on.</p></div>")
    assert texts(html) == [LONG.strip(), "Text goes on."]


def test_caption_word_on_the_article_container_keeps_the_article():
    html = (f"<div class='article-with-captions'><p>{LONG}</p><p>{LONG}</p>"
            "<p class='caption'>Small caption</p></div>")
    assert texts(html) == [LONG.strip(), LONG.strip()]


def test_blocks_named_as_page_furniture_leave_the_body():
    html = (f"<div><p class='byline'>By A. Writer</p><p>{LONG}</p>"
            "<div class='sharedaddy sd-like'><h3>Like this:</h3><p>Like Loading...</p></div>"
            "<p class='post-tags'><a href='/t/a'>water</a><a href='/t/b'>hiking</a></p>"
            "<div id='emailSignup'><p>Let our news meet your inbox.</p></div>"
            "<span class='sr-only'>Image copyright</span><p>End of story.</p></div>")
    assert texts(html) == [LONG.strip(), "End of story."]


def test_furniture_word_on_an_inline_element_keeps_the_words_of_the_sentence():
    html = f"<div><p>{LONG}</p><p>Rain <span class='date'>on Monday</span> closed the <a class='nav'>road</a>.</p></div>"
    assert texts(html)[-1] == "Rain on Monday closed the road."


def test_furniture_word_on_a_container_of_the_article_keeps_it():
    html = f"<div><div class='entry-content read-more'><p>{LONG}</p><p>{LONG}</p></div><p>Short end.</p></div>"
    assert texts(html) == [LONG.strip(), LONG.strip(), "Short end."]


def test_hover_card_after_a_link_leaves_the_sentence_whole():
    html = ("<div><p>A man threatened Rep. <span class='people'><a href='/p/omar'>Ilhan Omar</a><span>"
            "<img src='o.jpg'><a href='/p/omar'>Ilhan Omar</a><a href='/s/1'>Hillicon Valley: bill</a> "
            "<a href='/s/2'>Progressives oppose stopgap</a></span></span> (D-Minn.), the office said.</p>"
            "<p>See <a href='/a'>the report</a> <span><a href='/b'>and</a> <a href='/c'>annex</a> now</span>.</p></div>")
    assert texts(html) == ["A man threatened Rep. Ilhan Omar (D-Minn.), the office said.",
                           "See the report and annex now."]


def test_embedded_post_in_a_blockquote_survives_readability():
    from tui_reader.core.extract.html_body import extract_body

    paragraphs = "".join(f"<p>{LONG} Paragraph {n}, with more words, clauses, and commas.</p>" for n in range(4))
    tweet = ("<div class='social-media-embed'><div class='embed-twitter'><blockquote class='twitter-tweet'>"
             "<p>Yes this is real and the state spent half a million dollars on it: "
             "<a href='https://t.co/x'>https://t.co/x</a></p>— A. Person (@aperson) "
             "<a href='https://twitter.com/aperson/status/1'>November 18, 2019</a></blockquote></div></div>")
    html = f"<html><body><div class='story'>{paragraphs}{tweet}<p>{LONG} After the post.</p></div></body></html>"
    body = extract_body(html)
    blocks = body.blocks(None)
    quoted = [b for b in blocks if b.kind == "blockquote"]
    assert quoted and quoted[0].text.startswith("Yes this is real")
    assert "@aperson" in body_text(blocks)
    assert blocks[-1].text.endswith("After the post.")
    assert "twitter-tweet" in lxml_html_source(body.root)  # the page itself is not altered


def body_text(blocks) -> str:
    return "\n".join(b.text for b in blocks)


def lxml_html_source(root) -> str:
    import lxml.html

    return lxml.html.tostring(root, encoding="unicode")


def test_article_marked_up_as_such_wins_over_longer_related_posts():
    from tui_reader.core.extract.html_body import extract_body

    story = ("Living a true love is one of the great pleasures of life, and it asks of each of us that we "
             "look after our own needs before we ask anyone else to fill them for us, every single day.")
    teaser = "<article class='post'><h2>Another post</h2><p>{0}</p><p>{0}</p></article>"
    related = "".join(teaser.format(f"{LONG} Teaser {n}, with words, clauses, commas, and more.") for n in range(6))
    html = ("<html><body><div id='primary'><article itemscope itemtype='http://schema.org/BlogPosting'>"
            f"<h1>Only who loves</h1><p>{story}</p></article>"
            f"<article class='more'><h3>You may also like</h3>{related}</article></div></body></html>")
    text = body_text(extract_body(html).blocks(None))
    assert story in text and "Teaser" not in text


def test_lines_made_only_of_links_leave_the_body_but_cited_addresses_stay():
    html = (f"<div><p>{LONG}</p><div><a href='wa:'>Whatsapp</a> <a href='fb:'>Facebook</a> <a href='p:'>Pin</a></div>"
            "<p><a href='/s/1'><strong>GET THE NEWS APP BY CLICKING HERE</strong></a></p>"
            "<p><a href='/s/2'>Who will make the Hall of Fame in 2020?</a></p>"
            "<p><a href='http://example.org/report.pdf'>http://example.org/report.pdf</a></p>"
            "<p>Read more: <a href='/s/3'>The harbour vote explained</a></p>"
            "<p>The <a href='/p'>mayor</a> spoke.</p></div>")
    assert texts(html) == [LONG.strip(), "http://example.org/report.pdf", "Read more: The harbour vote explained",
                           "The mayor spoke."]


def test_print_only_blocks_leave_the_body_but_not_blocks_shown_on_wide_screens():
    html = (f"<div><p>{LONG}</p><div class='d-none d-print-block'><p>Citation: retrieved 20 November 2019</p></div>"
            "<div class='d-none d-md-block'><p>Shown on wide screens.</p></div></div>")
    assert texts(html) == [LONG.strip(), "Shown on wide screens."]


def test_pre_clean_drops_weight_that_is_never_text_and_keeps_the_article():
    from tui_reader.core.extract.html_body import parse_document
    from tui_reader.core.extract.html_clean import pre_clean

    page = parse_document(f"<html><head><title>T</title><meta name='author' content='A'></head><body>"
                          f"<svg><text>icon</text></svg><noscript><p>Enable JS</p></noscript>"
                          f"<select><option>Option A</option></select><p>{LONG}</p></body></html>")
    pre_clean(page)
    assert page.find("head") is None
    assert [el.tag for el in page.iter("svg", "noscript", "select", "option")] == []
    assert " ".join(page.itertext()).strip() == LONG.strip()


def test_lines_that_only_credit_a_picture_leave_the_body_whatever_their_markup():
    credits = ["<p>Photo: A. Person/Agency</p>", "<p>Фото: Иван Петров</p>", "<p>Photo by A. Person on Unsplash</p>",
               "<p><em>Image source, Agency</em></p>", "<div>© Harbour Press 2024</div>", "<p>Credit: Harbour Council</p>",
               "<p>(AP Photo/A. Person)</p>"]
    html = (f"<div><p>{LONG}</p>" + "".join(credits)
            + "<figure><img src='a.jpg'><figcaption>The quay at dawn. (AP Photo/A. Person)</figcaption></figure>"
            + "<p>Boats leave at dawn. <i>Foto: Agentur</i></p></div>")
    assert texts(html) == [LONG.strip(), "The quay at dawn.", "Boats leave at dawn."]


def test_credits_to_an_agency_or_source_in_lower_case_leave_the_body():
    credits = ["<p>Foto: dpa</p>", "<p>Foto: picture alliance / dpa</p>", "<p>Fotos: privat</p>",
               "<div><span>Foto: picture alliance/dpa/Michael Kappeler</span></div>", "<p>(Photo: Reuters)</p>"]
    html = f"<div><p>{LONG}</p>" + "".join(credits) + "<p>After.</p></div>"
    assert texts(html) == [LONG.strip(), "After."]


def test_a_credit_after_the_last_sentence_of_a_caption_or_paragraph_goes_the_sentence_stays():
    html = (f"<div><p>{LONG}</p><figure><img src='a.jpg'><figcaption>The quay at dawn. Foto: dpa</figcaption></figure>"
            "<p>Boats leave at dawn. Photo: Jane Doe/Reuters</p><p>Fishing boats in the harbour (Photo: AP)</p></div>")
    assert texts(html) == [LONG.strip(), "The quay at dawn.", "Boats leave at dawn.", "Fishing boats in the harbour"]


def test_a_lettered_list_item_at_the_end_of_a_paragraph_is_no_credit():
    # "(c)" closing a lettered list, or a legal reference, is prose; a credit in parentheses is one of its own
    kept = ["Section 12 names three regulators for the new rules: (a) the police, (b) the courts, and (c) Ofcom.",
            "The data was processed under Article 6(1) (c) GDPR.",
            "The bill covers (a) England and (b) Wales. (c) Scotland and Northern Ireland."]
    html = f"<div><p>{LONG}</p>" + "".join(f"<p>{s}</p>" for s in kept) + "<p>Fishing boats in the harbour (Photo: AP)</p></div>"
    assert texts(html) == [LONG.strip(), *kept, "Fishing boats in the harbour"]


def test_sentences_in_lower_case_after_a_credit_label_stay():
    kept = ["Photo: my cat on the quay, taken by a reader.", "Photo: before and after the storm",
            "Fotos: so sieht es aus", "The quay at dawn. Photo: a reader sent us this picture."]
    html = f"<div><p>{LONG}</p>" + "".join(f"<p>{s}</p>" for s in kept) + "</div>"
    assert texts(html) == [LONG.strip(), *kept]


def test_sentences_about_photos_and_the_copyright_line_stay():
    kept = ["Photos are allowed in the gallery, the mayor said, as long as nobody uses a flash.",
            "He held up the photo: it showed the quay.", "The photo by the harbour wall won the prize.",
            "Copyright 2024 Harbour Press. All rights reserved."]  # the page's copyright line: no picture's
    html = f"<div><p>{LONG}</p>" + "".join(f"<p>{s}</p>" for s in kept) + "</div>"
    assert texts(html) == [LONG.strip(), *kept]


SENTENCES_OPENING_LIKE_CREDITS = [
    "Credit: the council deserves it for acting so fast.",
    "Credit, the bank's chief said, remains scarce for small firms.",
    "Credits, not cash, will be offered to farmers this year.",
    "Photo: a reader sent us this picture of the flooded road.",
    "Pictures, videos and witness accounts show the attack began at 3 a.m.",
    "Photos by residents flooded social media within minutes.",
    "Images, not words, drove the campaign in its last week.",
    "Bild: so sieht die neue Brücke aus.",
    "© is the symbol the company now puts on every recipe.",
    "Photograph by photograph, investigators rebuilt the scene.",
]


def test_sentences_that_open_like_a_credit_stay():
    html = f"<div><p>{LONG}</p>" + "".join(f"<p>{s}</p>" for s in SENTENCES_OPENING_LIKE_CREDITS) + "</div>"
    assert texts(html) == [LONG.strip(), *SENTENCES_OPENING_LIKE_CREDITS]


def test_headings_and_list_items_that_open_like_a_credit_stay():
    html = (f"<div><h2>Photos: Storm Damage Across The County</h2><p>{LONG}</p><h3>Photo: Jane Doe</h3>"
            "<ul><li>Photo: a reader's picture of the flooded road, sent Tuesday</li>"
            "<li>Video: the river at dawn, filmed by a reader</li></ul></div>")
    assert texts(html) == ["Photos: Storm Damage Across The County", LONG.strip(), "Photo: Jane Doe",
                           "Photo: a reader's picture of the flooded road, sent Tuesday",
                           "Video: the river at dawn, filmed by a reader"]


def test_a_credit_goes_alone_not_with_the_element_around_it():
    html = (f"<div><p>{LONG}</p><div class='note'><p>Photo: Jane Doe/Reuters</p><p>The mayor resigned on Friday.</p>"
            "</div><div><p><b>Photo:</b> Jane Doe for The Times</p></div><p>After.</p></div>")
    assert texts(html) == [LONG.strip(), "The mayor resigned on Friday.", "After."]


def test_a_wikis_edit_controls_leave_the_headings(tmp_path):
    # QA: MediaWiki's "[edit]" beside each heading read "History[edit]" in the body, the contents and a quote's
    # section locator (Readability.js wikipedia pages; their expected text keeps it, readers do not want it)
    from tui_reader.core import load_article

    edit = ('<span class="mw-editsection"><span class="mw-editsection-bracket">[</span>'
            '<a href="/w/index.php?title=X&amp;action=edit&amp;section=1">edit</a>'
            '<span class="mw-editsection-bracket">]</span></span>')
    page = tmp_path / "wiki.html"
    page.write_text(f"<html><head><title>Mozilla</title></head><body><div id='content'><h1>Mozilla</h1>"
                    f"<p>{LONG * 2}</p><h2><span class='mw-headline'>History</span>{edit}</h2><p>{LONG * 2}</p>"
                    f"<h2><span class='mw-headline'>Software</span>{edit}</h2><p>{LONG * 2}</p></div></body></html>")
    article = load_article(str(page))
    assert [s.title for s in article.sections if s.title] == ["History", "Software"]
    assert "[edit]" not in article.text
