/*
 * Chronique's search: the header's search box (overrides/partials/search.html)
 * over the Pagefind index that `python -m chronique.site.search site` writes into
 * site/pagefind/.
 *
 * Why Pagefind and not Material's search: it folds accents ("hanoi" finds
 * "Hanoï", "to lam" finds "Tô Lâm") and its index is split in small chunks, so
 * a query downloads only the few it needs instead of one index of the whole site.
 *
 * Precise (README, "Recherche"): a query word the site does not hold finds nothing and
 * the status names it, a complete word is matched whole, a capitalised name as a
 * phrase; a duplicated story shows once; the panel "Filtres et tri" narrows by topic,
 * source, person, place and year and sorts newest first.
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
  var current = { lists: [], merged: [], next: 0, seen: {} };  // the results shown

  // site/pagefind/chronique-index.json lists the index's bundles (one on a small
  // site, one per ~2,500 articles on a large one: chronique/site/search.py says why) and
  // the filter that only article pages carry. Pagefind searches in a web worker, one
  // for each copy of its pagefind.js: the bundles are shared between WORKERS copies
  // (the first bundle of a group loads, the others merge into it), so two groups
  // search at once on two cores; their results are sorted together by score.
  var WORKERS = 2;
  var PAGEFIND_OPTIONS = { excerptLength: 26 };  // words of context in an excerpt

  // WARM_UP: a worker's first search of some size is slow, its later ones are not
  // (measured at 10,000 articles: "to lam" took 130-185 ms in a worker's first bundle,
  // 45-60 ms in its second bundle and in any later search; the time is spent in
  // Pagefind's WebAssembly, not in the script around it). So while the reader types a
  // short last word (a long pause, SHORT_WORD_PAUSE, before anything is searched), each
  // worker that has not searched yet searches the words typed, once their chunks are in,
  // and the answer is dropped: the search the reader waits for runs warm. It downloads
  // nothing more (the chunks of the words typed, the filters of any search), starts only
  // while no search runs, and once a worker.

  // A bundle kept while the site gained words lacks them, and Pagefind does not
  // answer "nothing" for a word its index lacks: it reads the longest known word
  // the query word starts with ("quimbalorette" as "qui"), or drops it from a query
  // of several. The manifest lists, for such a bundle, the word starts it has no
  // word for ("lacking": chronique/site/index_keys.py); its articles cannot hold those
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
        return Promise.all(groups.map(openGroup).concat([loadVocabulary(index)])).then(function (modules) {
          modules.pop();
          root.setAttribute("data-loaded", "");  // Pagefind set up and the site's words read
          var warm = modules.map(function () { return false; });
          pagefind = {
            modules: modules,
            // Loads the index chunks of `query`'s words. `idle`: no search will start for
            // a while (SHORT_WORD_PAUSE); a worker that has not searched yet then runs,
            // once they are in, one search nobody sees, in its first bundle (WARM_UP).
            preload: function (query, idle) {
              modules.forEach(function (module, i) {
                var loaded = module.preload(query, { filters: filters });
                if (!idle || warm[i]) return;
                warm[i] = true;
                var first = onlyBundle(withStories(filters), groups[i][0].name);
                loaded.then(function () {
                  if (!running) return module.search(query, { filters: first });
                }).catch(function () {});
              });
            },
            // `ask`: { query, filters (the panel's), sort, whole: the words that must
            // match as whole words }. Answers { lists: each worker's results, in its
            // order; stories: the versions of each duplicated story among them }.
            search: function (ask) {
              warm = warm.map(function () { return true; });
              var left = lacksWordOf(ask.query || "", lacking);
              var options = { filters: withStories(withoutBundles(Object.assign({}, filters, ask.filters), left)) };
              if (ask.sort) options.sort = ask.sort;
              return Promise.all(searches(ask, left).map(function (target) {
                var own = target.bundle ? onlyBundle(options.filters, target.bundle) : options.filters;
                var module = target.module;
                // asked at once: the worker answers them in turn, with no wait between
                return Promise.all([module.search(ask.query, Object.assign({}, options, { filters: own }))].concat(
                  ask.whole.map(function (word) { return module.search('"' + word + '"', { filters: own }); })
                )).then(function (answers) {
                  return wholeWordsOnly(answers[0], answers.slice(1));
                });
              })).then(function (answers) {
                var stories = { versions: {}, originals: {} };
                answers.forEach(function (answer) {
                  addCounts(stories.versions, (answer.filters || {}).histoire);
                  addCounts(stories.originals, (answer.filters || {}).originale);
                });
                return { lists: answers.map(function (answer) { return answer.results; }), stories: stories };
              });
            }
          };
          // What each search asks of which worker. Pagefind merges the results of the
          // bundles merged into one worker by score, even when a sort is asked: sorted,
          // each bundle is then asked apart (its mergeFilter names it), so that every
          // list is in date order and newestData can take the newest of their heads.
          function searches(ask, left) {
            if (!ask.sort || groups.every(function (group) { return group.length === 1; })) {
              return modules.map(function (module) { return { module: module, bundle: null }; });
            }
            var out = [];
            groups.forEach(function (group, i) {
              group.forEach(function (bundle) {
                if (left.indexOf(bundle.name) < 0) out.push({ module: modules[i], bundle: bundle.name });
              });
            });
            return out;
          }
          return pagefind;
        });
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  // The site's words, folded as searchToken folds a query word, sorted
  // (site/pagefind/chronique-mots.txt, written by chronique/site/search.py). Pagefind reads
  // a query word it lacks as the longest word it starts with ("quimbalorette" as
  // "qui") or drops it: search.js asks it nothing for such a word and says so.
  var vocabulary = null;
  var LONGEST_WORD = 30;  // longer words are not listed (chronique/site/search.py, LONGEST_WORD)

  function loadVocabulary(index) {
    return fetch(new URL("chronique-mots.txt", index).href).then(function (response) {
      if (!response.ok) return;  // an index written before: no check
      return response.text().then(function (text) {
        vocabulary = text.split("\n").filter(Boolean);
      });
    }).catch(function () {});
  }

  // The first word of the vocabulary not sorted before `token` (its position if known).
  function lowerBound(token) {
    var low = 0, high = vocabulary.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (vocabulary[middle] < token) low = middle + 1; else high = middle;
    }
    return low;
  }

  function has(token) {
    return vocabulary[lowerBound(token)] === token;
  }

  // A complete word is known when the site has it, or its singular or plural: "accords"
  // finds "accord" (Pagefind compares stems, which these share).
  function known(token) {
    return has(token) || has(token + "s") || has(token + "x") ||
      (/[sx]$/.test(token) && has(token.slice(0, -1)));
  }

  // A word still being typed is known when a word of the site starts with it.
  function begun(token) {
    var next = vocabulary[lowerBound(token)];
    return next !== undefined && next.slice(0, token.length) === token;
  }

  // Pagefind reads every query word as a prefix too: "sen" finds "s'engagent". A
  // complete word that begins a longer word of the site (other than its plural) is
  // searched again alone as an exact word ('"sen"'), and only the results holding
  // it are kept.
  function extended(token) {
    for (var i = lowerBound(token); i < vocabulary.length; i += 1) {
      var word = vocabulary[i];
      if (word.slice(0, token.length) !== token) return false;
      if (!/^(?:|s|x|e|es)$/.test(word.slice(token.length))) return true;
    }
    return false;
  }

  // The story counts go with the pages kept: a story's versions among them are at most
  // as many as in each answer, and exactly that many when its versions (near-copies)
  // all hold the whole word or none does. The query's own counts alone would take the
  // versions lacking the word off the count of articles found.
  function wholeWordsOnly(answer, exact) {
    var kept = answer.results;
    var filters = answer.filters || {};
    exact.forEach(function (other) {
      var ids = {};
      other.results.forEach(function (result) { ids[result.id] = true; });
      kept = kept.filter(function (result) { return ids[result.id]; });
      filters = fewest(filters, other.filters || {});
    });
    return { results: kept, filters: filters };
  }

  function fewest(counts, others) {
    var out = {};
    Object.keys(counts).forEach(function (key) {
      out[key] = {};
      Object.keys(counts[key]).forEach(function (value) {
        out[key][value] = Math.min(counts[key][value], (others[key] || {})[value] || 0);
      });
    });
    return out;
  }

  // Asking for the story filters (with a value no page has) makes Pagefind load them
  // and count, for each duplicated story, its versions among the results.
  function withStories(filters) {
    return Object.assign({ histoire: { none: ["~"] }, originale: { none: ["~"] } }, filters);
  }

  function addCounts(total, counts) {
    Object.keys(counts || {}).forEach(function (key) { total[key] = (total[key] || 0) + counts[key]; });
  }

  // A query word as the index keys are written (chronique/site/index_keys.py): lowercase,
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

  function onlyBundle(filters, name) {
    var out = Object.assign({}, filters);
    out[BUNDLE_FILTER] = name;
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
        // Not module.filters(): it would load every filter of the panel (250 kB at
        // 10,000 articles) for every reader; the few a search uses (a few kB) load
        // with the first query typed, the panel's when it is first opened.
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
      } else if (current.marked) {
        markWords(out, node.textContent, current.marked);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  // Pagefind marks no word in the excerpt of a phrase search: the phrase's words are
  // marked here.
  function markWords(out, text, tokens) {
    text.split(/(\s+)/).forEach(function (piece) {
      var word = /^(.*?)([\s,.;:!?…»)\]"'’]*)$/.exec(piece);
      if (piece.trim() && tokens.indexOf(searchToken(word[1])) >= 0) {
        var mark = document.createElement("mark");
        mark.textContent = word[1];
        out.appendChild(mark);
        if (word[2]) out.appendChild(document.createTextNode(word[2]));
      } else {
        out.appendChild(document.createTextNode(piece));
      }
    });
  }

  // An element with its class and, when given, its text (as text, never as HTML).
  function element(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // A result shows one story: a copy found with its original shows as the original
  // (its title, address and date, which the copy's page carries), with the number of
  // versions found.
  function resultItem(data, versions, asOriginal) {
    var meta = data.meta || {};
    var item = element("li", "md-search-result__item");
    var link = element("a", "md-search-result__link");
    var url = asOriginal && meta.original_url ? meta.original_url : data.url;
    link.href = new URL(url.replace(/^\//, ""), siteRoot).href;
    var article = element("div", "md-search-result__article md-typeset");
    var title = asOriginal && meta.original_title ? meta.original_title : meta.title;
    var date = asOriginal && meta.original_date ? meta.original_date : meta.date;
    article.appendChild(element("span", "chronique-search__title", title || data.url));
    if (date) article.appendChild(element("span", "chronique-search__date", date));
    if (versions > 1) article.appendChild(element("span", "chronique-search__versions", versions + " versions"));
    var excerpt = element("span", "chronique-search__excerpt");
    excerpt.appendChild(excerptNodes(data.excerpt || ""));
    article.appendChild(excerpt);
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  function moreButton() {
    var item = element("li", "md-search-result__item chronique-search__more");
    var button = element("button", "md-search-result__link");
    button.type = "button";
    button.textContent = "Afficher plus d’articles";
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

  // The data of the next results, at most `wanted` of them (none: no more). By score
  // over both workers' results, the next `wanted` are asked at once, so their fragments
  // load side by side (measured at 10,000 articles: 25-30 ms for ten, against 35-45 one
  // after the other). Sorted by date, the newest of the workers' next results (each
  // worker's are sorted), one at a time, so only the fragments shown and one more a
  // worker are loaded.
  function nextData(wanted) {
    if (!current.sorted) {
      var batch = current.merged.slice(current.next, current.next + wanted);
      current.next += batch.length;
      return Promise.all(batch.map(function (result) { return result.data(); }));
    }
    return newestData().then(function (data) { return data ? [data] : []; });
  }

  function newestData() {
    var lists = current.lists;
    return Promise.all(lists.map(function (results, i) {
      var result = results[current.positions[i]];
      if (!result) return null;
      if (!current.heads[i]) current.heads[i] = result.data();
      return current.heads[i];
    })).then(function (heads) {
      var best = -1;
      heads.forEach(function (data, i) {
        if (data && (best < 0 || (data.meta.jour || "") > (heads[best].meta.jour || ""))) best = i;
      });
      if (best < 0) return null;
      current.positions[best] += 1;
      current.heads[best] = null;
      return heads[best];
    });
  }

  function hasMore() {
    if (!current.sorted) return current.next < current.merged.length;
    return current.lists.some(function (results, i) { return current.positions[i] < results.length; });
  }

  // Shows the next PAGE_SIZE stories: each result's data (title, date, excerpt) is a
  // small fragment file, loaded for the results shown only; a story already shown
  // (another version of it) is passed over, and as many more results are asked.
  function showMore(token) {
    var added = [];
    function step() {
      if (added.length >= PAGE_SIZE) return Promise.resolve();
      return nextData(PAGE_SIZE - added.length).then(function (batch) {
        if (!batch.length || token !== sequence) return;
        batch.forEach(function (data) {
          var story = data.filters && data.filters.histoire && data.filters.histoire[0];
          if (story && current.seen[story]) return;
          if (story) current.seen[story] = true;
          var versions = story ? current.stories.versions[story] || 1 : 1;
          added.push(resultItem(data, versions, story && current.stories.originals[story] > 0));
        });
        return step();
      });
    }
    return step().then(function () {
      if (token !== sequence) return;
      var old = list.querySelector(".chronique-search__more");
      if (old) old.remove();
      added.forEach(function (item) { list.appendChild(item); });
      if (hasMore()) list.appendChild(moreButton());
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
  var latest = null;  // the latest plan
  var shown = null;  // the key of the plan whose results are in the list
  var due = false;  // the latest query's pause has passed
  var timer = 0;

  function lastWord(query) {
    return query.split(/\s+/).pop();
  }

  // What to ask Pagefind for the text typed. A word followed by a space (or every
  // word, once the query is submitted) is complete: it must be a word of the site,
  // matched whole. The last word, while typed, must begin a word of the site and
  // matches as a prefix (search as you type). A query of two words or more, each
  // capitalised, is a name: searched as a phrase ("Hun Sen" is not "Hun Manet"),
  // or as words if the phrase is nowhere.
  function plan(raw, submitted) {
    var text = raw.trim();
    var words = text.split(/\s+/).filter(function (word) { return searchToken(word); });
    var tokens = words.map(searchToken);
    var complete = submitted || /\s$/.test(raw);
    var ask = {
      query: text.replace(/\s/g, "").length < MIN_LENGTH ? null : text,  // null: the filters alone
      whole: [], filters: chosenFilters(), sort: chosenSort(), missing: null, phrase: null,
      raw: raw, submitted: submitted, checked: Boolean(vocabulary)
    };
    if (!vocabulary) return ask;  // not loaded yet: planned again before the search runs
    for (var i = 0; i < tokens.length; i += 1) {
      if (tokens[i].length > LONGEST_WORD) continue;  // not in the list: Pagefind alone
      var typing = i === tokens.length - 1 && !complete;
      if (typing ? !begun(tokens[i]) : !known(tokens[i])) {
        ask.missing = words[i];
        return ask;
      }
      if (!typing && extended(tokens[i])) ask.whole.push(tokens[i]);
    }
    if (words.length > 1 && words.every(function (word) { return /^\p{Lu}/u.test(word); }) &&
        known(tokens[tokens.length - 1])) {
      ask.phrase = '"' + tokens.join(" ") + '"';
    }
    return ask;
  }

  function planKey(ask) {
    return JSON.stringify([ask.query, ask.whole, ask.filters, ask.sort, ask.missing, ask.phrase]);
  }

  function search(raw, submitted) {
    var token = ++sequence;
    var text = raw.trim();
    var ask = plan(raw, submitted);
    var filtered = Object.keys(ask.filters).length > 0;
    latest = ask;
    due = false;
    lastKey = performance.now();
    clearTimeout(timer);
    if (text.replace(/\s/g, "").length < MIN_LENGTH && !filtered) {
      shown = null;
      list.replaceChildren();
      status.textContent = text ? SHORT : HINT;
      root.setAttribute("data-state", "idle");
      return;
    }
    if (planKey(ask) === shown) {  // a space typed, or a word typed then erased: the same results
      root.setAttribute("data-state", "done");
      return;
    }
    if (ask.missing) return showMissing(ask);
    root.setAttribute("data-state", "searching");
    var last = ask.query ? lastWord(ask.query) : "";
    var short = ask.query !== null && last.length < SHORT_WORD;
    // fetch the index chunks for the words typed so far while the keys go on (not for
    // a last word of one letter, still being typed: its chunks are many)
    var ahead = !ask.query ? "" : last.length > 1 ? ask.query : ask.query.replace(/\S+$/, "").trim();
    if (pagefind && !running && ahead) pagefind.preload(ahead, short);
    timer = setTimeout(function () {
      due = true;
      if (!running && token === sequence) run(ask, token);
    }, short ? SHORT_WORD_PAUSE : PAUSE);
  }

  // After a search that a newer query waited for: that query runs now if its pause
  // has passed, or else when it passes (its timer).
  function runLatest() {
    return due ? run(latest, sequence) : undefined;
  }

  function count(found) {
    var total = 0;
    found.lists.forEach(function (results) { total += results.length; });
    Object.keys(found.stories.versions).forEach(function (story) {
      total -= Math.max(0, found.stories.versions[story] - 1);
    });
    return total;
  }

  // No article holds the word: Pagefind would answer for another one.
  function showMissing(ask) {
    shown = planKey(ask);
    current = { lists: [], merged: [], next: 0, seen: {} };
    list.replaceChildren();
    status.textContent = "Aucun article ne contient « " + ask.missing + " ».";
    root.setAttribute("data-state", "done");
  }

  function run(ask, token) {
    running = true;
    return loadPagefind().then(function (pf) {
      if (!ask.checked) {  // typed before the site's words had loaded
        ask = plan(ask.raw, ask.submitted);
        if (ask.missing) return { missing: ask };
      }
      if (!ask.phrase) return pf.search(ask);
      return pf.search(Object.assign({}, ask, { query: ask.phrase, whole: [] })).then(function (found) {
        return count(found) ? found : pf.search(ask);
      });
    }).then(function (found) {
      running = false;
      if (token !== sequence) return runLatest();  // typed on meanwhile
      if (found.missing) return showMissing(found.missing);
      shown = planKey(ask);
      var merged = [].concat.apply([], found.lists).sort(function (a, b) { return b.score - a.score; });
      current = {
        lists: found.lists, merged: merged, next: 0, positions: found.lists.map(function () { return 0; }),
        heads: [], sorted: Boolean(ask.sort), stories: found.stories, seen: {},
        marked: ask.phrase ? ask.phrase.replace(/"/g, "").split(" ") : null
      };
      list.replaceChildren();
      status.textContent = countLabel(count(found));
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

  // -- filters and sort (the panel "Filtres et tri" of overrides/partials/search.html) --
  var panel = root.querySelector(".chronique-filters");
  var selects = panel ? Array.prototype.slice.call(panel.querySelectorAll("select[data-filter]")) : [];
  var sortSelect = panel ? panel.querySelector("select[data-sort]") : null;

  function chosenFilters() {
    var chosen = {};
    selects.forEach(function (select) { if (select.value) chosen[select.getAttribute("data-filter")] = select.value; });
    return chosen;
  }

  function chosenSort() {
    return sortSelect && sortSelect.value ? { date: sortSelect.value } : null;
  }

  // The panel's choices: every value of each filter in the site (with its number of
  // articles), read from Pagefind when the panel is first opened.
  function fillFilters() {
    return loadPagefind().then(function (pf) {
      return Promise.all(pf.modules.map(function (module) { return module.filters(); }));
    }).then(function (answers) {
      selects.forEach(function (select) {
        var key = select.getAttribute("data-filter");
        var counts = {};
        answers.forEach(function (answer) { addCounts(counts, answer[key]); });
        var values = Object.keys(counts).filter(function (value) { return counts[value] > 0; });
        values.sort(key === "année" ? function (a, b) { return b.localeCompare(a); }
          : function (a, b) { return a.localeCompare(b, "fr"); });
        values.forEach(function (value) {
          var option = document.createElement("option");
          option.value = value;
          option.textContent = value + " (" + counts[value] + ")";
          select.appendChild(option);
        });
      });
    }).catch(function () {});
  }

  if (panel) {
    var filling = null;
    panel.addEventListener("toggle", function () {
      if (panel.open && !filling) filling = fillFilters();
    });
    panel.addEventListener("change", function () { search(input.value, true); });
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
  // Enter: the query is complete (its last word must be a word of the site); when it
  // gives the same results, the first one opens.
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var before = shown;
    search(input.value, true);
    var first = list.querySelector("a.md-search-result__link");
    if (first && shown === before && root.getAttribute("data-state") === "done") first.click();
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
    if (event.target && /^(SELECT|SUMMARY)$/.test(event.target.tagName) && event.key !== "Escape") return;
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

  // A search's own address: "?q=to+lam" opens the search with that query, so a
  // search can be shared or bookmarked (and audited as a page of its own).
  // The search opens once its results are in the list: shown while they arrive, they
  // would move under the reader's eyes (a layout shift).
  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked && asked.trim()) {
    input.value = asked.trim();
    var opening = new MutationObserver(function () {
      if (/^(done|error|idle)$/.test(root.getAttribute("data-state") || "")) {
        opening.disconnect();
        open();
      }
    });
    opening.observe(root, { attributes: true, attributeFilter: ["data-state"] });
    search(input.value, true);
  }

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
