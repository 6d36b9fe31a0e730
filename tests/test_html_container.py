"""Choosing the article's container: each rule on small hand-written pages."""

from tui_reader.core.extract.html_body import extract_body, parse_document
from tui_reader.core.extract.html_clean import drop_dialogs, has_token, tokens_pattern

SENTENCES = [
    "The council voted on Tuesday night to approve the harbour plan after a debate of four hours, with "
    "residents filling the public gallery and the corridor outside.",
    "Supporters said the new quay would bring ferries back to the town for the first time since the war, "
    "and with them, jobs, visitors, and trade.",
    "Opponents warned that dredging would harm the oyster beds, which have been farmed by the same families "
    "for generations, and asked for a second study.",
    "The mayor said the study would be published before work began, and that the council would listen to "
    "every objection, however small, before the spring.",
    "Work on the first phase is due to start next year, subject to the approval of the regional authority, "
    "which meets in March, April, and again in June.",
    "The harbour master, who has held the post for twenty years, said the channel had silted up faster than "
    "anyone expected, and that boats now wait for the tide.",
]


def paragraphs(tag: str = "p", start: int = 0, stop: int = len(SENTENCES)) -> str:
    return "".join(f"<{tag}>{s}</{tag}>" for s in SENTENCES[start:stop])


def body_text(html: str) -> str:
    return "\n".join(b.text for b in extract_body(html).blocks(None))


def page(inner: str) -> str:
    return f"<html><head><title>Harbour</title></head><body>{inner}</body></html>"


NAV = "<nav><ul>" + "".join(f"<li><a href='/s{n}'>Section {n}</a></li>" for n in range(8)) + "</ul></nav>"
# A box of other text, long enough that a page without its article still looks like one to readability
PROMO = ("<div class='promo-box'><p>Our reporters cover the coast, the islands, and the towns between them, "
         "every day of the year, in print, on the radio, and online, and we depend on readers like you, who "
         "support us, share our stories, and tell us what we miss, so that we can keep doing it.</p></div>")
FOOTER = "<footer><p><a href='/about'>About us</a> · <a href='/legal'>Legal</a></p></footer>"


def test_article_split_over_sibling_components_is_kept_whole():
    # one component per paragraph, each deep in its own wrappers (page builders, CMS content elements)
    components = "".join(
        f"<div class='frame frame-default'><div class='ce-text'><div class='ce-bodytext'><p>{s}</p>"
        f"<p>{s.upper()}</p></div></div></div>"
        for s in SENTENCES
    )
    text = body_text(page(NAV + f"<div id='content'>{components}</div>" + FOOTER))
    for sentence in SENTENCES:
        assert sentence in text
    assert "Section 3" not in text and "About us" not in text


def test_article_in_list_items_wins_over_a_small_widget_in_paragraphs():
    widget = ("<aside class='box'><p>Sign in to keep reading the stories you care about, for free, on every "
              "device you own, at home and at work.</p></aside>")
    items = "<div class='post-body'><h2>What happened</h2><ul>" + paragraphs("li") + "</ul></div>"
    text = body_text(page(NAV + widget + f"<div class='wrap'>{items}</div>" + FOOTER))
    for sentence in SENTENCES:
        assert sentence in text


def test_unlikely_candidate_rule_matches_whole_class_tokens_only():
    # "has-header-image" is not a header, and "above-footer" is not a footer
    html = page(NAV + PROMO + "<div class='has-header-image'><div class='entry above-footer'>" + paragraphs() +
                "</div></div>" + FOOTER)
    text = body_text(html)
    for sentence in SENTENCES:
        assert sentence in text


def test_unlikely_candidate_never_deletes_the_element_holding_most_text_but_comments_go():
    comments = ("<div id='comments' class='comments'>" +
                "".join(f"<div class='comment'><p>Reader {n} wrote: I have lived by this harbour for forty "
                        f"years, and I have never seen the council so divided about anything.</p></div>"
                        for n in range(3)) + "</div>")
    html = page(NAV + PROMO + "<div class='sidebar-layout'><div class='sidebar'>" + paragraphs() + "</div></div>" +
                comments + FOOTER)
    text = body_text(html)
    for sentence in SENTENCES:
        assert sentence in text
    assert "Reader 1 wrote" not in text


def test_negative_class_weight_on_the_article_container_does_not_empty_it():
    html = page(NAV + "<div class='media-story related-tools'>" + paragraphs() + "</div>" + FOOTER)
    text = body_text(html)
    for sentence in SENTENCES:
        assert sentence in text


def test_dialogs_are_removed_before_scoring_but_not_paywalled_articles():
    consent = ("<div class='cookie-consent'><p>" + "We and our 842 partners use cookies, and similar technologies, "
               "to store, access, and process personal data, like your visits, on this website, to measure, "
               "and to improve, our services, ads, and content, and to develop new ones. " * 3 + "</p></div>")
    modal = ("<div role='dialog' aria-modal='true'><p>" + "Subscribe to our newsletter, the best of the week, "
             "every week, in your inbox, with offers, news, events, and more, from us and our partners, for free, "
             "forever, and ever, and ever. " * 3 + "</p></div>")
    article = "<div class='article paywall'>" + paragraphs(stop=3) + "</div>"
    text = body_text(page(consent + modal + article))
    for sentence in SENTENCES[:3]:
        assert sentence in text
    assert "cookies" not in text and "newsletter" not in text


CONSENT_TEXT = ("We use cookies and similar technologies to improve your experience, to show you personalised "
                "content and adverts, to analyse our traffic, and to understand where our visitors come from. ")


def test_a_consent_box_goes_even_when_it_holds_more_text_than_the_article():
    box = "<p>" + CONSENT_TEXT * 3 + "</p><p>" + CONSENT_TEXT * 2 + "</p><button>Accept</button>"
    article = "<div>" + paragraphs(stop=3) + "</div>"
    for name in ("cookie-law-info-bar", "CybotCookiebotDialog", "fc-consent-root"):
        text = body_text(page(f"<div id='{name}'><div>{box}</div></div>" + article))
        assert "We use cookies" not in text, name
        for sentence in SENTENCES[:3]:
            assert sentence in text, name


def test_a_consent_platforms_box_goes_however_much_of_the_page_it_holds():
    # a full list of partners and purposes, longer than the article, no button saved with it
    box = "<p>" + CONSENT_TEXT * 6 + "</p><p>" + CONSENT_TEXT * 5 + "</p><p>Manage your choices in the settings.</p>"
    article = "<div class='story'>" + paragraphs() + "</div>"
    for name in ("onetrust-consent-sdk", "didomi-host", "CybotCookiebotDialog", "qc-cmp2-container",
                 "usercentrics-root", "sp_message_container_123", "truste-consent-track", "cmpbox"):
        text = body_text(page(f"<div id='{name}'><div class='x'>{box}</div></div>" + NAV + article + FOOTER))
        assert "We use cookies" not in text, name
        for sentence in SENTENCES:
            assert sentence in text, name


def test_words_that_only_begin_like_a_consent_platform_keep_the_article():
    for name in ("trusted-sources", "klaroline", "didomitest"):
        text = body_text(page(f"<div class='{name}'>" + paragraphs() + "</div>"))
        for sentence in SENTENCES:
            assert sentence in text, name


def test_consent_words_in_a_post_tag_or_a_layout_container_keep_the_article():
    # a post tagged "cookies", a wrapper stating that the page shows (or had) a cookie banner, and containers of a
    # CMS's components whose names start "cmp-"
    tagged = page("<div class='post tag-cookies category-baking'>" + paragraphs() + "</div>")
    state = page("<div id='page' class='site has-cookie-banner cookie-consent-accepted'><div class='wrap'>"
                 + paragraphs() + "</div></div>")
    components = page("<div class='cmp-container'>" + "".join(
        f"<div class='cmp-container'><div class='cmp-text'><p>{s}</p></div></div>" for s in SENTENCES) + "</div>")
    for html in (tagged, state, components):
        text = body_text(html)
        for sentence in SENTENCES:
            assert sentence in text


def test_consent_words_in_a_page_wrapper_keep_the_whole_page():
    # wrappers named for the page's state, no box about them: no button, no form, most of the page's text
    for name in ("site gdpr-compliant", "wrapper cookies-enabled-page", "page consent-given-v2"):
        text = body_text(page(f"<div class='{name}'><div id='content'><h2>Harbour</h2>{paragraphs()}</div></div>"))
        for sentence in SENTENCES:
            assert sentence in text, name


def test_consent_words_inside_an_article_name_its_own_sections():
    # a recipe for cookies, a section about a consent law, an explainer of a GDPR fine: inside the article
    for opening in ("<div class='cookie-recipe'><h2>Cookies</h2>", "<section class='consent-law'>",
                    "<div id='gdpr-fine-explainer' class='explainer'>", "<div class='story-body cookies'>"):
        closing = "</section>" if opening.startswith("<section") else "</div>"
        for wrap in ("<article>{}</article>", "<div itemprop='articleBody'>{}</div>"):
            inner = paragraphs(stop=2) + opening + paragraphs(start=2, stop=4) + closing + paragraphs(start=4)
            text = body_text(page(wrap.format(inner)))
            for sentence in SENTENCES:
                assert sentence in text, opening


def test_a_consent_box_goes_when_short_or_answered_by_a_button():
    article = "<div>" + paragraphs() + "</div>"
    short = "<div class='gdpr'><p>We use cookies.</p></div>"
    answered = f"<div class='site-cookies'><p>{CONSENT_TEXT * 2}</p><form><button>Accept</button></form></div>"
    for box in (short, answered):
        text = body_text(page(box + article))
        assert "We use cookies" not in text
        for sentence in SENTENCES:
            assert sentence in text


def test_drop_dialogs_keeps_the_body_and_an_element_holding_most_of_the_page():
    root = parse_document("<html><body class='modal-open'><div class='modal'>" + paragraphs() +
                          "</div><div class='popup'><p>Win a prize</p></div></body></html>")
    drop_dialogs(root)
    text = " ".join(root.itertext())
    assert SENTENCES[0] in text and "Win a prize" not in text


COMMENTS = [("Mary Jones", "2 hours ago", "I have lived in this town for forty years and I have never seen the harbour "
              "so busy as it was in the old days, and I hope it comes back."),
             ("Tom B.", "<time datetime='2024-03-01'>1 March</time>", "The oyster beds matter more than ferries, and "
              "the council should know that after all the years of promises, studies and delays we have had."),
             ("Anna K.", "vor 3 Tagen", "Great news for the town at last, and about time too, my grandfather worked "
              "on the old quay and would have been delighted to see this day."),
             ("Peter", "yesterday", "Who will pay for the dredging, though? Nobody has said, and the last time the "
              "council promised a project like this the costs doubled within a year.")]


def test_comments_in_a_section_no_class_names_leave_the_body():
    def comment(name, when, text, replies=""):
        return (f"<div class='c'><div><b>{name}</b> <span>{when}</span></div><p>{text}</p>"
                f"<a href='#r'>Reply</a>{replies}</div>")
    flat = "".join(comment(*c) for c in COMMENTS)
    nested = (comment(*COMMENTS[0], replies="<div class='r'>" + comment(*COMMENTS[1]) + "</div>")
              + comment(*COMMENTS[2], replies="<div class='r'>" + comment(*COMMENTS[3]) + "</div>"))
    for thread in (flat, nested):
        text = body_text(page(NAV + "<div class='main'><div class='body'>" + paragraphs() + "</div>"
                              "<div class='list'>" + thread + "</div></div>" + FOOTER))
        for sentence in SENTENCES:
            assert sentence in text
        for _, _, said in COMMENTS:
            assert said not in text


def test_one_reply_link_or_a_dated_list_without_replies_stays():
    reply_link = ("<p>Readers can write to the harbour master, who promised to reply to every letter by "
                  "<a href='/contact'>Reply</a> within a week, the council said on 3 March 2024.</p>")
    dated = "<ul>" + "".join(f"<li>{when}: {said}</li>" for _, when, said in COMMENTS) + "</ul>"
    text = body_text(page("<article>" + paragraphs() + reply_link + dated + "</article>"))
    for sentence in SENTENCES:
        assert sentence in text
    assert "promised to reply" in text
    for _, _, said in COMMENTS:
        assert said in text


def test_other_stories_with_summaries_beside_a_short_article_stay_out():
    summary = ("A summary of another story, long enough to be a paragraph of text, about the weather and the tides "
               "along the coast this winter. ")
    teasers = "".join(f"<div class='item'><h3><a href='/s{n}'>Other story {n}</a></h3><p>{summary * 2}</p></div>"
                      for n in range(8))
    text = body_text(page(NAV + "<article>" + paragraphs() + "</article><div class='more'>" + teasers + "</div>" + FOOTER))
    for sentence in SENTENCES:
        assert sentence in text
    assert "A summary of another story" not in text


def test_a_sibling_with_one_linked_heading_is_still_the_rest_of_the_article():
    rest = "<div class='part'><h3><a href='#more'>The vote</a></h3>" + paragraphs(start=3) + "</div>"
    text = body_text(page(NAV + "<div class='col'><div class='part'>" + paragraphs(stop=3) + "</div>" + rest + "</div>"
                          + FOOTER))
    for sentence in SENTENCES:
        assert sentence in text


def test_tokens_pattern_matches_whole_tokens():
    pattern = tokens_pattern("footer", "cookie-banner")
    root = parse_document("<html><body><div class='above-footer x' id='a'></div><div class='x footer'></div>"
                          "<div id='cookie-banner'></div></body></html>")
    found = [has_token(el, pattern) for el in root.iter("div")]
    assert found == [False, True, True]


def test_text_only_in_noscript_or_hidden_is_read_when_it_is_the_only_article_text():
    noscript = page("<div>Please enable JavaScript.</div><noscript><article>" + paragraphs() + "</article></noscript>")
    hidden = page("<div id='app' style='display: none'>" + paragraphs() + "</div><div>Loading…</div>")
    for html in (noscript, hidden):
        text = body_text(html)
        for sentence in SENTENCES:
            assert sentence in text


def test_article_only_in_noscript_beside_a_long_notice_is_read_and_the_notice_is_not():
    notice = ("<div class='js-warning'><p>" + "This site requires JavaScript to work properly. Please enable JavaScript "
              "in your browser settings and reload the page to read our stories. " * 3 + "</p></div>")
    text = body_text(page(notice + "<div id='root'></div><noscript><article><h1>Harbour</h1>" + paragraphs()
                          + "</article></noscript>"))
    for sentence in SENTENCES:
        assert sentence in text
    assert "requires JavaScript" not in text


def test_noscript_comments_links_or_other_stories_are_never_added_to_a_short_visible_article():
    # a short article (under the length of a notice) beside a <noscript> holding more text than it
    comments = ("<noscript><p>Comments are loaded with JavaScript. Enable JavaScript to read the discussion.</p><ul>"
                + "".join(f"<li><b>reader{n}</b> wrote: I disagree with this decision entirely, the roads in my "
                          "area are fine.</li>" for n in range(30)) + "</ul></noscript>")
    stories = ("<noscript><div class='fallback'><h2>More stories</h2>"
               + "".join(f"<p>Unrelated archive story: the zoo welcomed a baby giraffe, and keepers said the calf "
                         f"was healthy and curious about visitors. Item {n}.</p>" for n in range(25)) + "</div></noscript>")
    links = "<noscript><ul>" + "".join(f"<li><a href='/s{n}'>Another story about the county, number {n}, read it "
                                       "here</a></li>" for n in range(40)) + "</ul></noscript>"
    for extra in (comments, stories, links):
        for html in (f"<div class='story'><h1>Harbour</h1><div class='body'>{paragraphs()}{extra}</div></div>",
                     f"<div class='story'><h1>Harbour</h1>{paragraphs()}</div>{extra}"):
            text = body_text(page(html))
            assert SENTENCES[0] in text and SENTENCES[-1] in text
            assert not any(word in text for word in ("wrote:", "giraffe", "More stories", "Another story"))


def test_an_article_only_in_noscript_is_cleaned_like_any_other():
    notice = "<p>You need to enable JavaScript to run this app. Please turn on scripts in your browser.</p>"
    comments = ("<div class='comments'>" + "".join(f"<div class='comment'><p>Reader {n} wrote that the quay will "
                                                   "never be finished, and that the council should resign over it, "
                                                   "every one of them.</p></div>" for n in range(3)) + "</div>")
    text = body_text(page(notice + "<div id='app'></div><noscript><article><h1>Harbour</h1>" + paragraphs()
                          + "</article>" + comments + "</noscript>"))
    assert SENTENCES[0] in text and SENTENCES[-1] in text
    assert "enable JavaScript" not in text and "Reader 1" not in text


def test_noscript_saved_as_text_is_read_as_markup_never_as_words():
    # a page saved with scripts on keeps <noscript> content as text: "&lt;p&gt;…"
    escaped = "".join(f"&lt;p&gt;{s}&lt;/p&gt;" for s in SENTENCES)
    text = body_text(page("<div>Loading…</div><noscript>" + escaped + "</noscript>"))
    for sentence in SENTENCES:
        assert sentence in text
    assert "<p>" not in text
    pixels = "<noscript>&lt;div&gt;&lt;a href='https://ads.example/jump'&gt;&lt;img src='x.gif'&gt;&lt;/a&gt;&lt;/div&gt;</noscript>"
    text = body_text(page("<div class='story'>" + paragraphs(stop=2) + "</div>" + pixels * 12))
    assert SENTENCES[1] in text and "href" not in text


def test_a_short_noscript_note_stays_out_of_a_visible_article():
    text = body_text(page("<article>" + paragraphs() + "</article><noscript><p>Please enable JavaScript to see the "
                          "comments.</p></noscript>"))
    assert SENTENCES[-1] in text and "enable JavaScript" not in text


def test_hidden_tab_panels_stay_out_of_a_short_visible_story():
    other = ("The archive holds every issue of the paper since 1887, scanned and searchable, with maps, photographs, "
             "and notices of births, marriages and deaths from the whole county. ")
    panels = "".join(f"<div role='tabpanel' hidden><div class='panel'><p>{other * 2}{n}</p><p>{other}</p></div></div>"
                     for n in range(4))
    text = body_text(page(NAV + "<div class='tabs'><div role='tabpanel'><div class='story'>" + paragraphs(stop=3)
                          + "</div></div>" + panels + "</div>" + FOOTER))
    for sentence in SENTENCES[:3]:
        assert sentence in text
    assert "The archive holds" not in text


def test_hidden_text_stays_out_when_the_page_has_a_visible_article():
    html = page("<article>" + paragraphs() + "</article><div hidden><p>" + "Secret draft text, never shown. " * 8 +
                "</p></div>")
    assert "Secret draft" not in body_text(html)


def test_lead_before_the_article_container_is_kept_first():
    lead = ("A vote that took four hours ends a decade of argument about the harbour, and starts a new one "
            "about the oysters.")
    html = page(NAV + "<main><article><div class='top'><h1>Harbour</h1><p class='article-lead'>" + lead +
                "</p></div><div class='share'><a href='/s'>Share</a></div><div class='body-text'>" + paragraphs() +
                "</div></article></main>" + PROMO + FOOTER)
    text = body_text(html)
    assert text.startswith(lead)
    assert SENTENCES[-1] in text


def test_links_named_popup_in_a_sentence_keep_their_words():
    # a study edition: words of the text open a note in a popup; the class names what the link does
    note = " onclick=\"return overlib('Why does he say so?')\""
    paras = "".join(f"<p>{s[:40]}<a href='javascript:void(0)' class='popup'{note}>rather elderly</a>"
                    f"{s[40:]} <span class='tweet'>quoted</span> here.</p>" for s in SENTENCES)
    text = body_text(page(NAV + f"<div id='story'>{paras}</div>" + FOOTER))
    assert text.count("rather elderly") == len(SENTENCES)
    assert text.count("quoted here.") == len(SENTENCES)


def test_an_unlikely_block_still_goes():
    side = "<div class='sidebar'><p>" + SENTENCES[0].replace("council", "club") + "</p></div>"
    text = body_text(page(NAV + f"<div id='story'>{paragraphs(stop=4)}{side}</div>" + FOOTER))
    assert SENTENCES[1] in text and "club" not in text


def test_a_list_of_sentences_with_links_in_them_is_kept_a_list_of_headlines_is_not():
    # a third of each item is its link: readability drops a list this link-dense
    sentences = "".join(f"<li>Harbour worker {n} <a href='/b{n}'>fixed the tide gauge on the quay</a> that read "
                        f"the water too high</li>" for n in range(4))
    headlines = "".join(f"<li><a href='/s{n}'>Other story number {n} about the harbour</a></li>" for n in range(4))
    story = f"<div id='story'>{paragraphs(stop=3)}<h4>Fixed this week</h4><ul>{sentences}</ul>" \
            f"{paragraphs(start=3)}<ul>{headlines}</ul></div>"
    text = body_text(page(NAV + story + FOOTER))
    for n in range(4):
        assert f"Harbour worker {n} fixed the tide gauge" in text
    assert "Other story number" not in text


def test_article_of_page_builder_widgets_is_not_lost_when_the_page_scores_highest():
    # every paragraph in its own "widget" (a negative class word to readability) inside sections: the
    # page's body outscored each, and the widgets' negative weight then emptied the body
    sections = "".join(
        f"<section class='pb-section'><div class='pb-column'><div class='pb-widget pb-widget-text'>"
        f"<div class='pb-widget-container'><p>{s}</p></div></div></div></section>"
        for s in SENTENCES
    )
    footer = "<footer><p>Harbour Blog is written by volunteers, 2009 to 2024, all rights reserved.</p></footer>"
    text = body_text(page(NAV + f"<div class='pb-page'>{sections}</div>" + footer))
    for sentence in SENTENCES:
        assert sentence in text
    assert "Section 3" not in text and "volunteers" not in text


def test_a_lead_paragraph_set_in_bold_beside_the_container_is_kept():
    lead = "<p><strong>" + SENTENCES[0] + "</strong></p>"
    html = page(NAV + "<div class='content'><h1>Harbour plan</h1>" + lead + "<div class='text'>"
                + paragraphs(start=1) + "</div></div>" + FOOTER)
    text = body_text(html)
    assert text.index(SENTENCES[0]) < text.index(SENTENCES[1])
    for sentence in SENTENCES:
        assert sentence in text


def test_a_table_of_data_with_a_link_in_each_row_is_kept_a_grid_of_links_is_not():
    rows = "".join(f"<tr><td><a href='/doc{n}'>Annual report of the harbour board {2015 + n}</a></td><td>PDF</td>"
                   f"<td>{n + 1}.2 MB</td></tr>" for n in range(5))
    data = f"<table><tr><th>Document</th><th>Type</th><th>Size</th></tr>{rows}</table>"
    grid = "<table>" + "".join(f"<tr><td><a href='/a{n}'>Ferry times {n}</a></td><td><a href='/b{n}'>Tide tables {n}</a>"
                               f"</td></tr>" for n in range(5)) + "</table>"
    dated = "<table>" + "".join(f"<tr><td><a href='/s{n}'>Ferry company orders ship number {n}</a></td><td>{n} March"
                                f"</td></tr>" for n in range(1, 6)) + "</table>"  # related stories, no header
    text = body_text(page(NAV + "<div class='wrap'>" + paragraphs(stop=3) + data + grid + dated
                          + paragraphs(start=3) + "</div>" + FOOTER))
    for sentence in SENTENCES:
        assert sentence in text
    assert "Annual report of the harbour board 2017" in text and "3.2 MB" in text
    assert "Ferry times" not in text and "ship number" not in text


def test_a_recipe_keeps_its_lead_and_short_ingredient_lines_with_its_steps():
    ingredients = "".join(f"<li>{item}</li>" for item in ("200 g flour", "2 eggs", "100 ml milk", "a pinch of salt"))
    card = (f"<div class='recipe-card'><h2>Pancakes</h2><p>{SENTENCES[4]}</p><h3>Ingredients</h3><ul>{ingredients}"
            f"</ul><h3>Method</h3><ol>{paragraphs('li', stop=4)}</ol></div>")
    aside = ("<aside><p>We are a small team of volunteers writing about food from the coast since 2009, with the "
             "help of readers.</p><ul>" + "".join(f"<li><a href='/p{n}'>Another recipe {n}</a></li>" for n in range(6))
             + "</ul></aside>")
    footer = "<footer><p>Harbour Kitchen is written by volunteers, 2009 to 2024, all rights reserved.</p></footer>"
    text = body_text(page(NAV + card + aside + footer))
    for line in (*SENTENCES[:5], "200 g flour", "a pinch of salt", "Method"):
        assert line in text
    assert text.index(SENTENCES[4]) < text.index("200 g flour") < text.index(SENTENCES[0])
    assert "Another recipe" not in text and "volunteers" not in text


def test_an_article_element_holding_most_of_the_text_comes_without_its_siblings():
    more = ("<div class='next'><p>The story of the lighthouse keeper who stayed for forty years on the island, and "
            "what he saw there, is the next one in our series on the coast.</p></div>")
    parts = (f"<div class='intro-block'><p>{SENTENCES[0]}</p></div><section class='chapter'><h2>Vote</h2>"
             f"{paragraphs(start=1, stop=4)}</section><div class='outro'>{paragraphs(start=4)}</div>")
    for frame in ("<article class='story'>{}</article>", "<main>{}</main>", "<div itemprop='articleBody'>{}</div>"):
        text = body_text(page(NAV + "<div class='page'>" + frame.format(parts) + more + "</div>" + FOOTER))
        for sentence in SENTENCES:
            assert sentence in text, frame
        assert "lighthouse keeper" not in text, frame


def test_the_marked_article_body_comes_without_a_longer_discussion_beside_it():
    reply = ("I have lived by the harbour for thirty years and I think the council is making a big mistake here, "
             "because the oyster beds matter more than ferries, and nobody asked us. ")
    discussion = ("<div class='discussion'><h3>12 responses</h3>" + "".join(
        f"<div class='response'><span>Reader {n}</span><p>{reply}{n}</p></div>" for n in range(8)) + "</div>")
    html = page(NAV + "<div class='wrap'><div itemprop='articleBody'>" + paragraphs(stop=4) + "</div>" + discussion
                + "</div>" + FOOTER)
    text = body_text(html)
    for sentence in SENTENCES[:4]:
        assert sentence in text
    assert "I have lived" not in text


def test_the_marked_article_body_keeps_the_rest_of_the_article_split_around_an_advertisement():
    # the body's parts built alike, an advertisement between them; a part built alike but made of links is no prose
    part = "<div class='story-part'{}>{}</div>"
    links = "".join(f"<p><a href='/s{n}'>Another story about the harbour and the ferries, number {n}</a></p>"
                    for n in range(4))
    html = page(NAV + "<main><h1>Harbour</h1>" + part.format(" itemprop='articleBody'", paragraphs(stop=4))
                + "<div class='ad'>Advertisement</div>" + part.format("", paragraphs(start=4))
                + part.format("", links) + "</main>" + FOOTER)
    text = body_text(html)
    for sentence in SENTENCES:
        assert sentence in text
    assert "Another story" not in text
