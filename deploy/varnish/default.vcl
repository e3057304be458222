# Varnish 7 with varnish-modules' xkey in front of several Gazette instances, as docs/operations.md
# ("Behind a shared cache") describes the headers and purges. The instances are named in backends.vcl,
# next to this file: edit that one, not this. From the repository's root:
#
#   GAZETTE_PURGE_SECRET=… varnishd -a 127.0.0.1:6081 -f $PWD/deploy/varnish/default.vcl
#
# (varnishd wants -f as an absolute path) with GAZETTE_PURGE_URLS=http://127.0.0.1:6081 and the same
# GAZETTE_PURGE_SECRET on every instance.
vcl 4.1;

import directors;
import std;
import xkey;

# An instance takes traffic while /readyz answers 200 (its database answers, migrations done): two of
# the last three probes, a second apart, so one that lost its database (or came back) is known within
# about two seconds, and a single slow answer under load takes no instance out.
probe gazette_ready {
    .url = "/readyz";
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
    # Healthy from the start, so a restarted Varnish serves at once.
    .initial = 2;
}

sub vcl_init {
    new gazette = directors.round_robin();
}

# The backends, and a vcl_init adding each to `gazette` (it runs after the one above). "./" is
# this file's folder; without it varnishd would look in its vcl_path.
include "./backends.vcl";

sub vcl_recv {
    set req.backend_hint = gazette.backend();
    if (req.restarts == 0) {
        # Set only by vcl_hit below, never by a client.
        unset req.http.x-gazette-refresh;
    }

    # Gazette's purge: the keys it names are dropped (not marked stale: a withdrawn article must not
    # be served again even once). Only with the secret Gazette has, and never when none is set here.
    if (req.method == "PURGE") {
        if (!(std.getenv("GAZETTE_PURGE_SECRET") ~ ".") || req.http.x-purge-secret != std.getenv("GAZETTE_PURGE_SECRET")) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "No xkey-purge header"));
        }
        return (synth(200, "Purged " + xkey.purge(req.http.xkey-purge)));
    }

    # A comment form's post is kept in memory (the form's own limit is 100 KB) so that, when the instance
    # it went to gives no answer at all, it can be sent again to another (see vcl_backend_error).
    if (req.method == "POST" && req.url ~ "^/comments(\?|$)") {
        std.cache_req_body(128KB);
    }

    # Varnish's own checks: a Host header, and anything but GET and HEAD (the comment form's POST,
    # the Admin API) is passed; so is a request with Authorization.
    call vcl_req_host;
    call vcl_req_method;
    call vcl_req_authorization;

    # The newsroom and its sign-in cookies are Gazette's alone, and its answers are never kept.
    if (req.url ~ "^/(admin|api/v1/admin)(/|\?|$)" || req.url ~ "^/(healthz|readyz)(\?|$)") {
        return (pass);
    }
    # A staff or commenter cookie may change the page (a reader's own comments awaiting moderation):
    # Gazette answers it for that browser alone. Any other cookie changes nothing and is dropped.
    if (req.http.Cookie ~ "gazette_(comments|session)=") {
        return (pass);
    }
    unset req.http.Cookie;

    # Set on every pass here: a restart keeps it, and the restart that serves the stale copy must find it.
    if (req.http.x-gazette-refresh) {
        set req.hash_always_miss = true;
    } else {
        set req.hash_always_miss = false;
    }
    # While an instance is healthy, a page past its s-maxage is served stale only for its
    # stale-while-revalidate (see vcl_hit); while none is, for its stale-if-error (the grace below).
    return (hash);
}

sub vcl_hit {
    # Past stale-while-revalidate and an instance can answer: fetch it again now (once, through a
    # restart that skips the stored copy) rather than serve it stale.
    if (obj.ttl < 0s && req.restarts == 0 && std.healthy(req.backend_hint) &&
        obj.ttl + std.duration(regsub(obj.http.Cache-Control, "^.*stale-while-revalidate=([0-9]+).*$", "\1s"), 0s) < 0s) {
        set req.http.x-gazette-refresh = "1";
        return (restart);
    }
}

sub vcl_backend_fetch {
    # A retry goes to another instance than the one that just failed: round robin alone, under load, may
    # hand the same dead instance back until its probe marks it sick (seconds later).
    if (bereq.retries > 0) {
        set bereq.backend = gazette.backend().resolve();
        if ("" + bereq.backend == bereq.http.x-gazette-failed) {
            set bereq.backend = gazette.backend().resolve();
        }
        if ("" + bereq.backend == bereq.http.x-gazette-failed) {
            set bereq.backend = gazette.backend().resolve();
        }
    }
}

sub vcl_backend_response {
    # An instance that cannot answer (killed, its database down): try the next ones (twice) for a reader's
    # page; a stale copy being refreshed in the background stays as it is.
    if (beresp.status >= 500) {
        if (bereq.is_bgfetch) {
            return (abandon);
        }
        if (bereq.retries < 2 && (bereq.method == "GET" || bereq.method == "HEAD")) {
            set bereq.http.x-gazette-failed = beresp.backend.name;
            return (retry);
        }
        # Every instance failed to refresh a kept page (its database is away): the stale copy must stay,
        # which an error stored in its place (even one marked uncacheable) would not; vcl_synth serves it.
        if (bereq.http.x-gazette-refresh) {
            return (abandon);
        }
    }

    # Kept only when Gazette says a shared cache may keep it (s-maxage, or a public max-age for assets);
    # anything else is passed, not given Varnish's default_ttl (an old slug's unmarked redirect).
    if (!(beresp.http.Cache-Control ~ "s-maxage=[1-9]" ||
          (beresp.http.Cache-Control ~ "public" && beresp.http.Cache-Control ~ "(^|[ ,])max-age=[1-9]"))) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }

    # The TTL comes from s-maxage; grace from stale-if-error: how long a copy may stand in for
    # Gazette while no instance answers.
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control, "^.*stale-if-error=([0-9]+).*$", "\1s"), 0s);
    }
    # Gazette's own page-cache verdict and the first caller's rate-limit allowance say nothing to others.
    unset beresp.http.X-Cache;
    unset beresp.http.X-RateLimit-Limit;
    unset beresp.http.X-RateLimit-Remaining;
    unset beresp.http.X-RateLimit-Reset;
}

sub vcl_backend_error {
    # No answer at all (refused, reset, timed out): the next instances (twice), for reads and for a comment
    # form's post, whose body was kept; a background refresh is dropped. A post the dead instance stored
    # just before it died is then refused by the next one as a duplicate, so it is never stored twice.
    if (bereq.is_bgfetch) {
        return (abandon);
    }
    if (bereq.retries < 2 && (bereq.method == "GET" || bereq.method == "HEAD" || (bereq.method == "POST" && bereq.url ~ "^/comments(\?|$)"))) {
        set bereq.http.x-gazette-failed = beresp.backend.name;
        return (retry);
    }
    if (bereq.http.x-gazette-refresh) {
        return (abandon);
    }
}

sub vcl_deliver {
    # That fetch failed after all: the stale copy it meant to replace is better than an error.
    if (resp.status >= 500 && req.http.x-gazette-refresh && req.restarts == 1) {
        unset req.http.x-gazette-refresh;
        return (restart);
    }
    # The surrogate keys are for this cache (xkey reads them from the stored object), not for readers.
    unset resp.http.xkey;
    unset resp.http.X-Cache;
}

sub vcl_synth {
    # A refresh that was abandoned (see vcl_backend_response): the stale copy rather than an error.
    if (req.http.x-gazette-refresh && req.restarts == 1) {
        unset req.http.x-gazette-refresh;
        return (restart);
    }
    if (req.method == "PURGE") {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.body = resp.reason + {"
"};
        return (deliver);
    }
}
