/*
 * Chronique's search: the header's search box (overrides/partials/search.html)
 * over the Pagefind index that `python -m chronique.search site` writes into
 * site/pagefind/.
 *
 * Why Pagefind and not Material's search: it folds accents ("hanoi" finds
 * "Hanoï", "to lam" finds "Tô Lâm") and its index is split in small chunks, so
 * a query downloads only the few it needs instead of one index of the whole site.
 *
 * Every text that comes from an article (title, date, excerpt) is put in the page
 * with textContent, never as HTML: an article may contain markup-looking text.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-chronique-search]");
  var toggle = document.getElementById("__search");
  if (!root || !toggle) return;

  var input = root.querySelector("input[name=query]");
  var form = root.querySelector("form");
  var status = document.getElementById("chronique-search-status");
  var list = document.getElementById("chronique-search-results");
  var PAGE_SIZE = 10;
  var MIN_LENGTH = 2;
  var PAUSE = 50;
  var SHORT_WORD_PAUSE = 300;
  var SHORT_WORD = 3;
  var HINT = status.textContent;
  var SHORT = "Encore une lettre…";

  // base_url is relative to the page ("../.."): resolve it once, so the index and
  // the results' links work from any page and under any deployment path.
  var siteRoot = new URL((root.getAttribute("data-base") || ".").replace(/\/?$/, "/"), document.baseURI);

  var pagefind = null;
  var loading = null;
  var sequence = 0;  // the latest query; answers to older ones are dropped
  var current = { results: [], shown: 0 };

  // site/pagefind/chronique-index.json lists the index's bundles (one on a small
  // site, one per ~2,500 articles on a large one: chronique/search.py says why) and
  // the filter that only article pages carry. Pagefind searches in a web worker, one
  // for each copy of its pagefind.js: the bundles are shared between WORKERS copies
  // (the first bundle of a group loads, the others merge into it), so two groups
  // search at once on two cores; their results are sorted together by score.
  var WORKERS = 2;
  var PAGEFIND_OPTIONS = { excerptLength: 26 };  // words of context in an excerpt

  // A bundle kept while the site gained words lacks them, and Pagefind does not
  // answer "nothing" for a word its index lacks: it reads the longest known word
  // the query word starts with ("quimbalorette" as "qui"), or drops it from a query
  // of several. The manifest lists, for such a bundle, the word starts it has no
  // word for ("lacking": chronique/index_keys.py); its articles cannot hold those
  // words, so a query with a word beginning so leaves that bundle out (each bundle's
  // pages carry the filter BUNDLE_FILTER = its name, given by mergeFilter).
  var BUNDLE_FILTER = "chronique-index";

  function loadPagefind() {
    if (!loading) {
      var index = new URL("pagefind/", siteRoot);
      loading = fetch(new URL("chronique-index.json", index).href).then(function (response) {
        if (!response.ok) throw new Error("chronique-index.json: HTTP " + response.status);
        return response.json();
      }).then(function (manifest) {
        var groups = [];
        manifest.bundles.forEach(function (bundle, i) {
          (groups[i % WORKERS] = groups[i % WORKERS] || []).push({
            url: new URL(bundle.path, index).href,
            name: bundle.path.replace(/\/$/, ""),
            lacking: bundle.lacking || []
          });
        });
        var lacking = [].concat.apply([], groups).filter(function (bundle) { return bundle.lacking.length; });
        var filters = manifest.filter || {};
        return Promise.all(groups.map(openGroup)).then(function (modules) {
          pagefind = {
            preload: function (query) {
              modules.forEach(function (module) { module.preload(query, { filters: filters }); });
            },
            search: function (query) {
              var options = { filters: withoutBundles(filters, lacksWordOf(query, lacking)) };
              return Promise.all(modules.map(function (module) {
                return module.search(query, options);
              })).then(function (answers) {
                var results = [];
                answers.forEach(function (answer) { results = results.concat(answer.results); });
                results.sort(function (a, b) { return b.score - a.score; });
                return { results: results };
              });
            }
          };
          return pagefind;
        });
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  // A query word as the index keys are written (chronique/index_keys.py): lowercase,
  // no accents, no punctuation.
  function searchToken(word) {
    return word.toLowerCase().replace(/đ/g, "d").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\p{L}\p{N}]/gu, "");
  }

  // The names of the bundles that lack a word start one of the query's words begins with.
  function lacksWordOf(query, bundles) {
    var tokens = query.split(/\s+/).map(searchToken).filter(Boolean);
    return bundles.filter(function (bundle) {
      return tokens.some(function (token) {
        return bundle.lacking.some(function (start) { return token.slice(0, start.length) === start; });
      });
    }).map(function (bundle) { return bundle.name; });
  }

  function withoutBundles(filters, names) {
    if (!names.length) return filters;
    var out = Object.assign({}, filters);
    out[BUNDLE_FILTER] = { none: names };
    return out;
  }

  function bundleOptions(bundle) {
    var filter = {};
    filter[BUNDLE_FILTER] = bundle.name;
    return Object.assign({ mergeFilter: filter }, PAGEFIND_OPTIONS);
  }

  function openGroup(bundles) {
    return import(bundles[0].url + "pagefind.js").then(function (module) {
      return Promise.resolve(module.options(bundleOptions(bundles[0]))).then(function () {
        return withDeferredReleases(function () { return module.init(); });
      }).then(function () {
        return Promise.all(bundles.slice(1).map(function (bundle) {
          return module.mergeIndex(bundle.url, bundleOptions(bundle));
        }));
      }).then(function () {
        // Pagefind's WebAssembly, each bundle's list of pages and its filters load
        // here, while the reader types, rather than with the first search.
        return module.filters();
      }).then(function () {
        return module;
      });
    });
  }

  // Pagefind's script keeps each result's data in its worker until the result is
  // garbage-collected, then releases it with one message to the worker (a
  // FinalizationRegistry). A query on common words has thousands of results at
  // 10,000 articles, so the searches typed over leave thousands of messages, sent
  // whenever the collector runs: while the reader types, they queue ahead of the
  // next search in the worker and hold up this page's thread too (measured here:
  // from the last key of "cooperation economique" to its results, 560-590 ms with
  // them, 200-215 ms without). So Pagefind is given, while it sets up, a registry
  // that collects the releases and sends them in batches once the reader is idle
  // (no key for IDLE ms, no search running).
  var IDLE = 1000;
  var RELEASE_BATCH = 500;
  var releases = [];
  var releaseTimer = 0;
  var lastKey = 0;

  function withDeferredReleases(setUp) {
    var Native = window.FinalizationRegistry;
    if (typeof Native !== "function") return setUp();
    window.FinalizationRegistry = function (release) {
      var registry = new Native(function (held) {
        releases.push(function () { release(held); });
        scheduleReleases(IDLE);
      });
      this.register = registry.register.bind(registry);
      this.unregister = registry.unregister.bind(registry);
    };
    try {
      return setUp();  // Pagefind makes its registry here, synchronously
    } finally {
      window.FinalizationRegistry = Native;
    }
  }

  function scheduleReleases(delay) {
    if (!releaseTimer) releaseTimer = setTimeout(releaseSome, delay);
  }

  function releaseSome() {
    releaseTimer = 0;
    var quiet = performance.now() - lastKey;
    if (running || quiet < IDLE) return scheduleReleases(running ? IDLE : IDLE - quiet);
    releases.splice(0, RELEASE_BATCH).forEach(function (release) { release(); });
    if (releases.length) scheduleReleases(50);
  }

  function countLabel(n) {
    if (n === 0) return "Aucun article trouvé";
    if (n === 1) return "1 article trouvé";
    return n.toLocaleString("fr-FR") + " articles trouvés";
  }

  // Pagefind's excerpt is HTML with <mark> around the matched words. Parse it in an
  // inert document (no script runs, no image loads there) and copy only its text
  // and its <mark>s into the page.
  function excerptNodes(html) {
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    var out = document.createDocumentFragment();
    doc.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeType === Node.ELEMENT_NODE && node.nodeName === "MARK") {
        // Pagefind marks a whole token, "Lâm," included: keep the punctuation out.
        var parts = /^(.*?)([\s,.;:!?…»)\]"'’]*)$/.exec(node.textContent);
        var mark = document.createElement("mark");
        mark.textContent = parts[1];
        out.appendChild(mark);
        if (parts[2]) out.appendChild(document.createTextNode(parts[2]));
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  // An element with its class and, when given, its text (as text, never as HTML).
  function element(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function resultItem(data) {
    var item = element("li", "md-search-result__item");
    var link = element("a", "md-search-result__link");
    link.href = new URL(data.url.replace(/^\//, ""), siteRoot).href;
    var article = element("div", "md-search-result__article md-typeset");
    article.appendChild(element("span", "chronique-search__title", (data.meta && data.meta.title) || data.url));
    if (data.meta && data.meta.date) {
      article.appendChild(element("span", "chronique-search__date", data.meta.date));
    }
    var excerpt = element("span", "chronique-search__excerpt");
    excerpt.appendChild(excerptNodes(data.excerpt || ""));
    article.appendChild(excerpt);
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  function moreButton(remaining) {
    var item = element("li", "md-search-result__item chronique-search__more");
    var button = element("button", "md-search-result__link");
    button.type = "button";
    var shown = Math.min(PAGE_SIZE, remaining);
    button.textContent = shown === 1 ? "Afficher 1 article de plus" : "Afficher " + shown + " articles de plus";
    button.addEventListener("click", function () {
      var first = list.querySelectorAll(".md-search-result__link").length - 1;
      showMore(sequence).then(function () {
        var links = list.querySelectorAll("a.md-search-result__link");
        if (links[first]) links[first].focus();
      });
    });
    item.appendChild(button);
    return item;
  }

  // Loads the data (title, date, excerpt) of the next page of results only:
  // each one is a small fragment file, so the first results show fast.
  function showMore(token) {
    var slice = current.results.slice(current.shown, current.shown + PAGE_SIZE);
    return Promise.all(slice.map(function (r) { return r.data(); })).then(function (datas) {
      if (token !== sequence) return;
      var old = list.querySelector(".chronique-search__more");
      if (old) old.remove();
      datas.forEach(function (data) { list.appendChild(resultItem(data)); });
      current.shown += slice.length;
      var remaining = current.results.length - current.shown;
      if (remaining > 0) list.appendChild(moreButton(remaining));
      root.setAttribute("data-state", "done");
    });
  }

  // Pagefind answers one query at a time, and a word found in most articles takes
  // it a hundred milliseconds or more at 10,000 articles; a search started for "to la"
  // just before the last key would delay "to lam" by as much. So a search starts
  // once the keys pause (PAUSE ms; the index chunks load meanwhile), and while one
  // runs only the latest query waits, to run as soon as it ends. A last word of one
  // or two letters is a prefix of thousands of words, the slowest kind of query and
  // most likely a word still being typed: it waits for a longer pause
  // (SHORT_WORD_PAUSE). A one-letter query waits for the second letter.
  var running = false;
  var latest = "";
  var shown = null;  // the query whose results are in the list
  var due = false;  // the latest query's pause has passed
  var timer = 0;

  function lastWord(query) {
    return query.split(/\s+/).pop();
  }

  function search(query) {
    var token = ++sequence;
    latest = query.trim();
    due = false;
    lastKey = performance.now();
    clearTimeout(timer);
    if (latest.replace(/\s/g, "").length < MIN_LENGTH) {
      shown = null;
      list.replaceChildren();
      status.textContent = latest ? SHORT : HINT;
      root.setAttribute("data-state", "idle");
      return;
    }
    if (latest === shown) {  // a space typed, or a word typed then erased: the same results
      root.setAttribute("data-state", "done");
      return;
    }
    root.setAttribute("data-state", "searching");
    var last = lastWord(latest);
    var short = last.length < SHORT_WORD;
    // fetch the index chunks for the words typed so far while the keys go on (not for
    // a last word of one letter, still being typed: its chunks are many)
    var ahead = last.length > 1 ? latest : latest.replace(/\S+$/, "").trim();
    if (pagefind && !running && ahead) pagefind.preload(ahead);
    timer = setTimeout(function () {
      due = true;
      if (!running && token === sequence) run(latest, token);
    }, short ? SHORT_WORD_PAUSE : PAUSE);
  }

  // After a search that a newer query waited for: that query runs now if its pause
  // has passed, or else when it passes (its timer).
  function runLatest() {
    return due ? run(latest, sequence) : undefined;
  }

  function run(query, token) {
    running = true;
    return loadPagefind().then(function (pf) {
      return pf.search(query);
    }).then(function (found) {
      running = false;
      if (token !== sequence) return runLatest();  // typed on meanwhile
      shown = query;
      current = { results: found.results, shown: 0 };
      list.replaceChildren();
      status.textContent = countLabel(found.results.length);
      return showMore(token);
    }).catch(function (error) {
      running = false;
      if (token !== sequence) return runLatest();
      shown = null;
      list.replaceChildren();
      status.textContent = "La recherche n’a pas pu être chargée.";
      root.setAttribute("data-state", "error");
      if (window.console) console.warn("Chronique search:", error);
    });
  }

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  function close() {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"));
  }

  // Pagefind loads while the pointer comes to the box and while the reader types.
  function warmUp() {
    loadPagefind().catch(function () {});
  }
  root.addEventListener("pointerenter", warmUp, { once: true });
  input.addEventListener("focus", function () {
    open();
    warmUp();
  });
  input.addEventListener("input", function () { search(input.value); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a.md-search-result__link");
    if (first) first.click();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { search(""); input.focus(); }, 0);
  });

  // Opening the search (the header's magnifier, a shortcut) puts the cursor in
  // the box; closing it (the overlay, Escape) takes the cursor out.
  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      if (document.activeElement !== input) input.focus();
    } else if (root.contains(document.activeElement)) {
      document.activeElement.blur();
    }
  });

  // Tabbing out of the search closes it, as its panel would cover the page.
  root.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !root.contains(event.relatedTarget)) close();
  });

  root.addEventListener("keydown", function (event) {
    var items = links();
    var index = items.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" && items.length) {
      event.preventDefault();
      items[Math.min(index + 1, items.length - 1)].focus();
    } else if (event.key === "ArrowUp" && index >= 0) {
      event.preventDefault();
      (index === 0 ? input : items[index - 1]).focus();
    }
  });

  // "/" or "s" anywhere (outside a text field) opens the search, as in Material.
  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (event.key === "/" || event.key === "s" || event.key === "S") {
      event.preventDefault();
      open();
      input.focus();
    }
  });
})();
