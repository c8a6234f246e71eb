"""RSS 2.0 and Atom files as inputs (issue 34): each item or entry an article."""

import json

from summarize.inputs.loading import load_event
from summarize.inputs.syndication import read_syndication
from tests.conftest import summarize, write_event

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Harbour Gazette</title>
<link>https://gazette.example/</link>
<description>News from the harbour</description>
<item>
<title>Council closes the old bridge for two years</title>
<link>https://gazette.example/bridge</link>
<guid isPermaLink="false">gazette-4411</guid>
<pubDate>Tue, 12 Sep 2023 08:00:00 +0000</pubDate>
<dc:creator>Maria Lopez</dc:creator>
<description>&lt;p&gt;The city council voted on Tuesday to close the old harbour bridge for
two years of repairs, the mayor said.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>The city council voted on Tuesday to close the old harbour
bridge for two years of repairs, the mayor said.</p><p>Engineers found cracks in three of
its steel supports during an inspection in August, according to the council's report.</p>
<p>Ferries will carry commuters across the harbour while the bridge is closed.</p>]]>
</content:encoded>
</item>
<item>
<title>Ferry fares frozen</title>
<link>https://gazette.example/ferries</link>
<author>desk@gazette.example (Tom Reed)</author>
<source url="https://wire.example/rss">Coastal Wire</source>
<description>&lt;p&gt;Ferry fares will stay at two dollars while the harbour bridge is
closed, the transport department said on Wednesday.&lt;/p&gt;</description>
</item>
<item><title>A link and nothing more</title><link>https://gazette.example/x</link></item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title type="html">City &lt;b&gt;Courier&lt;/b&gt;</title>
<id>urn:example:courier</id>
<updated>2023-09-13T09:00:00Z</updated>
<author><name>Courier desk</name></author>
<entry>
<title>Harbour bridge to close for repairs</title>
<link rel="edit" href="https://courier.example/edit/1"/>
<link rel="alternate" href="https://courier.example/bridge"/>
<id>urn:example:courier:1</id>
<published>2023-09-13T07:30:00Z</published>
<updated>2023-09-14T09:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The old harbour bridge
will close for two years of repairs after the city council voted on Tuesday, the mayor
said.</p><p>An inspection in August found cracks in three steel supports of the bridge,
engineers said on Wednesday.</p></div></content>
</entry>
<entry>
<title>Commuters weigh the ferry</title>
<link href="https://courier.example/ferry"/>
<id>urn:example:courier:2</id>
<updated>2023-09-14T10:00:00Z</updated>
<author><name>Ana Silva</name></author>
<summary>Commuters lined up for the morning ferry on Thursday as the bridge closure
neared, and many said the crossing took twice as long.</summary>
</entry>
<entry><title>Empty</title><id>urn:example:courier:3</id><content type="html"> </content></entry>
</feed>
"""


def test_rss_items_are_articles_with_what_the_feed_states():
    articles, skipped = read_syndication(RSS.encode(), "ev/gazette.rss", "gazette")
    first, second = articles
    assert first.path == "ev/gazette.rss#1" and first.id == "gazette-4411"
    assert first.title == "Council closes the old bridge for two years"
    assert first.url == "https://gazette.example/bridge"
    assert first.outlet == "Harbour Gazette"  # the channel's title
    assert first.author == "Maria Lopez"
    assert str(first.published) == "2023-09-12"
    # content:encoded, the whole story, wins over the description (its first paragraph)
    assert first.body.splitlines() == [
        "The city council voted on Tuesday to close the old harbour bridge for two years of "
        "repairs, the mayor said.",
        "Engineers found cracks in three of its steel supports during an inspection in "
        "August, according to the council's report.",
        "Ferries will carry commuters across the harbour while the bridge is closed."]
    # an item's own <source> names its outlet; RSS's author is an address, the name in ()
    assert second.outlet == "Coastal Wire" and second.author == "Tom Reed"
    assert second.id == "gazette-2"  # no guid: the file's name and the item's number
    # a one-paragraph description is a story too (trafilatura alone finds none in it)
    assert second.body.startswith("Ferry fares will stay at two dollars")
    assert [(s.path, s.reason) for s in skipped] == [
        ("ev/gazette.rss#3", "no content or description")]


def test_atom_entries_are_articles_with_what_the_feed_states():
    articles, skipped = read_syndication(ATOM.encode(), "ev/courier.atom", "courier")
    first, second = articles
    assert first.id == "urn:example:courier:1"
    assert first.url == "https://courier.example/bridge"  # rel="alternate", not "edit"
    assert first.outlet == "City Courier"  # a title of type html shown as its text
    assert first.author == "Courier desk"  # the feed's author, the entry naming none
    assert str(first.published) == "2023-09-13"  # published, not updated
    assert first.body.splitlines()[1].startswith("An inspection in August found cracks")
    assert second.url == "https://courier.example/ferry"  # a link with no rel
    assert str(second.published) == "2023-09-14"  # updated, when nothing says published
    assert second.author == "Ana Silva" and second.format == "feed"  # summary: plain text
    assert second.body.startswith("Commuters lined up for the morning ferry")
    assert [(s.path, s.reason) for s in skipped] == [
        ("ev/courier.atom#3", "no content or description")]


def test_files_that_are_no_feed_are_skipped_with_the_reason():
    cases = {
        b"<rss><channel><title>x</title><item>": "not well-formed XML",
        b"<html><body><p>A page.</p></body></html>": "not an RSS 2.0 or Atom feed (its root "
                                                     "element is <html>)",
        b"<rss version='2.0'><channel><title>T</title></channel></rss>": "feed with no entries",
    }
    for raw, reason in cases.items():
        articles, skipped = read_syndication(raw, "ev/f.xml", "f")
        assert articles == [] and skipped[0].path == "ev/f.xml"
        assert skipped[0].reason.startswith(reason), skipped


def test_entities_are_refused_never_expanded(tmp_path):
    """A billion laughs (entities of entities) or an external entity (a local file)."""
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    bombs = [f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "ha">{laughs}]>'
             "<rss><channel><title>&l9;</title><item><description>&l9;</description></item>"
             "</channel></rss>",
             '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
             "<rss><channel><item><description>&x;</description></item></channel></rss>"]
    reasons = []
    for bomb in bombs:
        articles, (skipped,) = read_syndication(bomb.encode(), "ev/bomb.rss", "bomb")
        assert articles == [] and skipped.path == "ev/bomb.rss"
        reasons.append(skipped.reason)
    # (libxml2 stops the laughs itself, as it parses their declarations)
    assert reasons[0].startswith(("not well-formed XML", "the feed declares XML entities"))
    assert reasons[1].startswith("the feed declares XML entities")


def test_an_event_of_an_rss_and_an_atom_file_cites_entries_of_both(tmp_path):
    write_event(tmp_path / "in", "bridge", {"gazette.rss": RSS, "courier.xml": ATOM})
    event = load_event(tmp_path / "in" / "bridge", tmp_path / "in", 5_000_000)
    assert [a.path for a in event.articles] == [
        "bridge/courier.xml#1", "bridge/courier.xml#2", "bridge/gazette.rss#1",
        "bridge/gazette.rss#2"]
    result = summarize("run", "--input", str(tmp_path / "in"), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "out" / "bridge.json").read_text())
    cited = {source["path"].split("#")[0] for source in data["sources"]}
    assert cited == {"bridge/courier.xml", "bridge/gazette.rss"}
    outlets = {source["outlet"] for source in data["sources"] + data["also_covered"]}
    assert {"City Courier", "Harbour Gazette"} <= outlets
    # each bad entry is reported once
    for skipped in ("bridge/gazette.rss#3", "bridge/courier.xml#3"):
        assert result.stderr.count(skipped) == 1, result.stderr
