"""The whole pipeline on random text: it never crashes and is deterministic."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize.config import load_config
from summarize.errors import InputError
from summarize.models import Article, Event
from summarize.outputs.data import briefing_data, render_json
from summarize.outputs.markdown import load_template, render_markdown
from summarize.pipeline import summarize_event

CONFIG = load_config(None)
TEMPLATE = load_template(None)
WORDS = st.sampled_from(["Kim", "Putin", "met", "the", "summit", "in", "Russia", "said",
                         "U.S.", "Mr.", "3.5", "officials", "“quoted”", "—", "However,",
                         "[link]", "<b>", "*", "#", "|", "{{ x }}", "\u200b", "é", "\n"])
SENTENCE = st.lists(WORDS, min_size=1, max_size=25).map(" ".join).map(lambda s: s + ".")
NOISE = st.text(min_size=0, max_size=300)
BODY = st.lists(st.one_of(SENTENCE, NOISE), min_size=0, max_size=12).map("\n".join)


def render(event: Event) -> tuple[str, str]:
    data = briefing_data(summarize_event(event, CONFIG))
    return render_markdown(TEMPLATE, data), render_json(data)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(BODY, min_size=1, max_size=4))
def test_random_articles_never_crash_and_render_the_same_twice(bodies):
    articles = tuple(Article(path=f"ev/{i}.txt", id=str(i), body=body, format="txt")
                     for i, body in enumerate(bodies))
    event = Event(slug="ev", articles=articles)
    try:
        first = render(event)
    except InputError as error:  # nothing to summarize: a reason, never a crash
        assert str(error).startswith(("no sentence can stand alone",
                                      "no article can be summarized: ev/0.txt: "))
        return
    assert first == render(event)
    assert first[0].startswith("# ")
