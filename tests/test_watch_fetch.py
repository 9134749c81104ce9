"""The watch's HTTP manners, checked from the server's side: a real `NewsSite` on
loopback and the real `Fetcher` (no mock of the network anywhere)."""
from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import pytest

from sitroom.errors import FetchError
from sitroom.watch.config import Settings
from sitroom.watch.fetch import Fetcher, Stopping, sitroom_version
from test_watch_site import HUGE_BYTES, NewsSite

STORY = "Officials said the talks would resume next week.\n\nBoth delegations praised the host country."
FAST = Settings(delay=0.2, timeout=2.0, max_bytes=1_000_000)


@pytest.fixture()
def site() -> Iterator[NewsSite]:
    with NewsSite() as served:
        yield served


def run(settings: Settings, work):  # type: ignore[no-untyped-def]
    async def main():  # type: ignore[no-untyped-def]
        fetcher = Fetcher(settings)
        try:
            return await work(fetcher)
        finally:
            await fetcher.aclose()

    return asyncio.run(main())


def test_a_feed_is_fetched_once_then_answered_304_to_its_validators(site: NewsSite) -> None:
    feed = site.add_feed("/world/rss.xml", "rss")
    site.publish(feed, "talks-resume-next-week", "Talks resume", STORY)

    async def work(fetcher: Fetcher):  # type: ignore[no-untyped-def]
        first = await fetcher.fetch(site.url(feed))
        again = await fetcher.fetch(site.url(feed), etag=first.etag, last_modified=first.last_modified)
        only_date = await fetcher.fetch(site.url(feed), last_modified=first.last_modified)
        return first, again, only_date

    first, again, only_date = run(FAST, work)
    assert first.status == 200 and b"talks-resume-next-week" in first.body and first.etag
    assert again.not_modified and again.body == b""
    assert only_date.not_modified
    hits = site.requests(feed)
    assert [hit.status for hit in hits] == [200, 304, 304]
    assert hits[1].if_none_match == first.etag and hits[2].if_modified_since == first.last_modified


def test_every_request_names_sitroom_and_asks_for_gzip_which_is_decoded(site: NewsSite) -> None:
    feed = site.add_feed("/world/rss.xml", "rss")
    page = site.publish(feed, "talks-resume-next-week", "Talks resume", STORY)
    got = run(FAST, lambda fetcher: fetcher.fetch(site.url(page)))
    assert "Both delegations praised the host country." in got.body.decode()
    hit = site.requests(page)[0]
    assert hit.agent.startswith(f"sitroom/{sitroom_version()} ")
    assert "gzip" in (hit.accept_encoding or "")
    assert hit.sent < len(got.body)  # it travelled compressed
    assert site.requests("/robots.txt") and all(h.agent == hit.agent for h in site.requests())


def test_robots_txt_is_asked_once_and_obeyed(site: NewsSite) -> None:
    feed = site.add_feed("/world/rss.xml", "rss")
    site.publish(feed, "talks-resume-next-week", "Talks resume", STORY)

    async def work(fetcher: Fetcher):  # type: ignore[no-untyped-def]
        await fetcher.fetch(site.url(feed))
        await fetcher.fetch(site.url("/news/talks-resume-next-week"))
        with pytest.raises(FetchError, match="disallowed by the site's robots.txt") as caught:
            await fetcher.fetch(site.url("/private/talks-resume-next-week"))
        return caught.value

    error = run(FAST, work)
    assert not error.transient
    assert len(site.requests("/robots.txt")) == 1
    assert site.requests("/private/talks-resume-next-week") == []  # never asked


def test_a_robots_txt_that_fails_with_500_keeps_the_whole_site_off_limits(site: NewsSite) -> None:
    site.behave("/robots.txt", "500")
    feed = site.add_feed("/world/rss.xml", "rss")

    async def work(fetcher: Fetcher):  # type: ignore[no-untyped-def]
        with pytest.raises(FetchError, match="robots.txt answered HTTP 500") as caught:
            await fetcher.fetch(site.url(feed))
        return caught.value

    assert run(FAST, work).transient
    assert site.requests(feed) == []


def test_one_request_at_a_time_per_host_with_the_delay_between_them(site: NewsSite) -> None:
    feed = site.add_feed("/world/rss.xml", "rss")
    for i in range(6):
        site.publish(feed, f"story-number-{i}-of-the-day", f"Story {i}", STORY)

    async def work(fetcher: Fetcher):  # type: ignore[no-untyped-def]
        return await asyncio.gather(*(fetcher.fetch(site.url(f"/news/story-number-{i}-of-the-day")) for i in range(6)))

    settings = Settings(delay=0.3, timeout=5.0)
    run(settings, work)
    hits = sorted(site.requests(), key=lambda hit: hit.asked)
    assert site.most_active["127.0.0.1"] == 1
    assert len(hits) == 7  # robots.txt and the six pages
    # the delay, counted from the end of one to the start of the next: from the moment the
    # site began one answer to the moment the next request came in (the site's wall clock
    # and the fetcher's monotonic one may run apart by NTP's slew, 0.05% at most: 1 ms)
    answered = [hit.answered for hit in hits if hit.answered is not None]
    assert len(answered) == len(hits)
    gaps = [later.asked - began for began, later in zip(answered, hits[1:])]
    assert min(gaps) >= settings.delay - 0.001, gaps


def test_hosts_do_not_wait_for_each_other() -> None:
    with NewsSite(hosts=("127.0.0.1", "127.0.0.2")) as site:
        site.behave("/slow.xml", "hang")
        feed = site.add_feed("/world/rss.xml", "rss")

        async def work(fetcher: Fetcher):  # type: ignore[no-untyped-def]
            hanging = asyncio.create_task(fetcher.fetch(site.url("/slow.xml", "127.0.0.1")))
            await asyncio.sleep(0.3)
            other = await fetcher.fetch(site.url(feed, "127.0.0.2"))
            # the other host answered while the first still waited for its answer (one that
            # waited for the first would end only after the first's timeout): an order, not
            # a time, with 5 s of timeout for a loaded machine to fetch the other page in
            overtook = not hanging.done()
            with pytest.raises(FetchError, match="timeout"):
                await hanging
            return other, overtook

        other, overtook = run(Settings(delay=0.1, timeout=5.0), work)
        assert other.status == 200 and overtook


def test_a_server_that_never_answers_is_a_timeout_not_a_hang(site: NewsSite) -> None:
    site.behave("/hangs.xml", "hang")
    began = time.monotonic()
    with pytest.raises(FetchError, match=r"no complete answer within 1 s \(timeout\)") as caught:
        run(Settings(delay=0.0, timeout=1.0), lambda fetcher: fetcher.fetch(site.url("/hangs.xml")))
    assert caught.value.transient and time.monotonic() - began < 5


@pytest.mark.parametrize("how", ["huge", "huge-stream"])
def test_a_50_mb_page_is_refused_not_read(site: NewsSite, how: str) -> None:
    site.behave("/huge", how)
    with pytest.raises(FetchError, match="too large") as caught:
        run(FAST, lambda fetcher: fetcher.fetch(site.url("/huge")))
    assert not caught.value.transient
    time.sleep(0.5)  # the server notices the closed connection
    sent = site.requests("/huge")[0].sent
    assert sent < HUGE_BYTES / 4  # the body was not read whole


def test_a_gzip_bomb_is_stopped_at_the_size_cap(site: NewsSite) -> None:
    site.behave("/bomb", "gzip-bomb")  # 50 MB of text that travels as about 50 kB
    began = time.monotonic()
    with pytest.raises(FetchError, match="too large") as caught:
        run(FAST, lambda fetcher: fetcher.fetch(site.url("/bomb")))
    assert not caught.value.transient and time.monotonic() - began < 10


@pytest.mark.parametrize(("how", "transient"), [("500", True), ("429", True)])
def test_server_errors_are_transient_and_say_their_status(site: NewsSite, how: str, transient: bool) -> None:
    site.behave("/trouble.xml", how)
    with pytest.raises(FetchError) as caught:
        run(FAST, lambda fetcher: fetcher.fetch(site.url("/trouble.xml")))
    assert caught.value.status == int(how) and caught.value.transient is transient
    if how == "429":
        assert caught.value.retry_after == 2.0


def test_a_missing_page_is_not_worth_retrying(site: NewsSite) -> None:
    with pytest.raises(FetchError, match="HTTP 404") as caught:
        run(FAST, lambda fetcher: fetcher.fetch(site.url("/news/no-such-story-here")))
    assert not caught.value.transient


def test_a_host_that_does_not_resolve_says_so() -> None:
    with pytest.raises(FetchError, match="cannot resolve the host name") as caught:
        run(FAST, lambda fetcher: fetcher.fetch("http://sitroom-test.invalid/rss.xml"))
    assert caught.value.transient


def test_a_refused_connection_says_so() -> None:
    with pytest.raises(FetchError, match="cannot connect") as caught:
        run(FAST, lambda fetcher: fetcher.fetch("http://127.0.0.1:9/rss.xml"))
    assert caught.value.transient


def test_a_stopped_fetcher_sends_nothing_more(site: NewsSite) -> None:
    feed = site.add_feed("/world/rss.xml", "rss")

    async def work(fetcher: Fetcher) -> float:
        await fetcher.fetch(site.url(feed))
        fetcher.stop()
        began = time.monotonic()
        with pytest.raises(Stopping):
            await fetcher.fetch(site.url(feed))
        return time.monotonic() - began

    # the stop does not wait out the delay (a long one, so that a loaded machine's slowness
    # is never mistaken for waiting it out)
    assert run(Settings(delay=30.0, timeout=2.0), work) < 10.0
    assert len(site.requests(feed)) == 1
