"""Names of places and of things that are no one: a name these make is never a person's, whoever a
pronoun after it means ("… the beaches of Maryland and North Carolina. “…,” he told me").

Three kinds of evidence, each general: the name is one of the world's countries, the US states
or the best-known areas and cities that are written in two words or more (a one-word name is never
taken for a person's full name anyway); its last word is the head noun of a place or of an agreement
("Harnet Avenue", "Islamic State", "North American Free Trade Agreement"), unless that word is all
that follows a given name ("Diane Lane", "George Strait", "Frank Ocean": a surname); or an
appositive describes it by a place noun ("Harnet Avenue, the capital's main boulevard"). A title or an honorific before the name still
makes it a person's ("Mr. Hong Kong" is no one's name, but "Gov. Virginia Foxx" is).
"""

from __future__ import annotations

from tui_reader.core.census import known

# Countries (common English short names), US states and well-known areas and cities written in more
# than one word.
MULTIWORD_PLACES = frozenset(tuple(name.split()) for name in """
New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|South Carolina|South Dakota|
West Virginia|Rhode Island|District of Columbia|Puerto Rico|United States|United Kingdom|Great Britain|
Northern Ireland|United Arab Emirates|Saudi Arabia|South Africa|South Korea|North Korea|South Sudan|
New Zealand|Sri Lanka|Costa Rica|El Salvador|Hong Kong|Papua New Guinea|Sierra Leone|Burkina Faso|
Ivory Coast|Cape Verde|Central African Republic|Czech Republic|Dominican Republic|Equatorial Guinea|
Bosnia and Herzegovina|North Macedonia|San Marino|Vatican City|East Timor|Solomon Islands|Marshall Islands|
Trinidad and Tobago|Antigua and Barbuda|Saint Lucia|Saint Kitts and Nevis|Sao Tome and Principe|
Western Sahara|Latin America|South America|North America|Central America|Middle East|West Bank|Gaza Strip|
Soviet Union|European Union|Persian Gulf|Silicon Valley|Wall Street|Capitol Hill|Mexico City|Los Angeles|
San Francisco|San Diego|Las Vegas|New Orleans|Salt Lake City|Kansas City|St. Louis|Washington D.C.
""".replace("\n", "").split("|") if name.strip())

# Last words of the names of streets, regions and landforms, polities and agreements. Some are
# surnames too ("Lane", "Street", "Strait", "Bridge"): after a given name alone they count for nothing
# (see `place_name`); the commonest ("Bay", "Lake", "Hill", "Law") are left out altogether.
PLACE_HEADS = frozenset("""
avenue boulevard street road lane drive parkway highway freeway expressway square plaza county province
district region territory valley canyon peninsula desert ocean sea gulf strait coast islands island river
mountains heights harbor harbour airport station bridge state republic kingdom emirates
agreement treaty accord accords act amendment doctrine
""".split())

# Nouns that, describing a name ("Harnet Avenue, the main boulevard"), say it is a place.
PLACE_NOUNS = frozenset("""
city town village capital country nation state province region county district neighborhood neighbourhood
suburb borough street avenue boulevard road highway square river island lake mountain valley
""".split())


# The US states after a city: their postal codes ("Berea, OH") and news style's abbreviations ("of
# Ashton, Md.,", "Dover, Del.").
US_STATES = frozenset("""AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ
    NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC""".split())
STATE_ABBREVIATIONS = frozenset("""ala. ariz. ark. calif. colo. conn. del. fla. ga. ill. ind. kan. kans. ky. la. md.
mass. mich. minn. miss. mo. mont. neb. nev. n.h. n.j. n.m. n.y. n.c. n.d. okla. ore. pa. r.i. s.c. s.d. tenn. tex.
vt. va. wash. w.va. wis. wyo.""".split())


def state_after_city(toks, i: int) -> bool:
    """Token i is a state set off after a city ("Berea, OH", "Donna Rawlings, 59, of Ashton, Md., who
    …"): a place, no part of a name nor the subject of the sentence's verb."""
    if i < 2 or toks[i - 1].text != "," or not toks[i - 2].cap:
        return False
    text = toks[i].text
    return text in US_STATES or (text.endswith(".") and text.lower() in STATE_ABBREVIATIONS)  # "Conn" is a name


def place_name(core: tuple[str, ...]) -> bool:
    """Whether a name of several words is a place's or an agreement's by itself (see the module). A
    head noun right after a given name is a surname ("Nathan Lane"); after more words it is a place's
    still ("George Washington Bridge")."""
    if len(core) < 2:
        return False
    key = tuple(w.rstrip(".,") for w in core)
    if core in MULTIWORD_PLACES or key in MULTIWORD_PLACES:
        return True
    return key[-1].lower() in PLACE_HEADS and (len(key) > 2 or not known(key[0]))
