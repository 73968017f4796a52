"""sitebuild/multilingual.py: search, Material's base and sitemaps per language."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from sitebuild import multilingual

LANGS = ["en", "nb", "is"]


def test_paths_are_told_apart_by_their_first_folder() -> None:
    assert multilingual.language_of("nb/guide/x/", LANGS) == "nb"
    assert multilingual.language_of("nb", LANGS) == "nb"
    assert multilingual.language_of("guide/nb/", LANGS) == "en"
    assert multilingual.language_of("", LANGS) == "en"


def test_search_is_split_by_language_with_its_stemmer(tmp_path: Path) -> None:
    (tmp_path / "search").mkdir()
    combined = {
        "config": {"lang": ["en", "ru"], "separator": "[\\s]+"},
        "docs": [
            {"location": "", "title": "Home", "text": "a"},
            {"location": "guide/x/#y", "title": "X", "text": "b"},
            {"location": "nb/", "title": "Hjem", "text": "c"},
            {"location": "nb/guide/x/#y", "title": "X", "text": "d"},
            {"location": "is/guide/x/", "title": "X", "text": "e"},
        ],
    }
    (tmp_path / "search/search_index.json").write_text(json.dumps(combined), "utf-8")
    assert multilingual.split_search(tmp_path, LANGS) == {"en": 2, "nb": 2, "is": 1}
    english = json.loads((tmp_path / "search/search_index.json").read_text("utf-8"))
    norwegian = json.loads((tmp_path / "nb/search/search_index.json").read_text("utf-8"))
    icelandic = json.loads((tmp_path / "is/search/search_index.json").read_text("utf-8"))
    assert english["config"] == {"lang": ["en"], "separator": "[\\s]+"}
    assert [d["location"] for d in english["docs"]] == ["", "guide/x/#y"]
    assert norwegian["config"]["lang"] == ["no"]
    assert [d["location"] for d in norwegian["docs"]] == ["", "guide/x/#y"]
    assert icelandic["config"]["lang"] == ["en"]  # lunr has no Icelandic stemmer


def test_search_base_points_at_the_language_folder() -> None:
    html = (
        '<p>x</p><script id="__config" type="application/json">'
        '{"base": "../../..", "search": "../../../assets/s.js"}</script>'
    )
    out = multilingual.search_base(html, "../../")
    config = json.loads(out.split('json">')[1].split("</script>")[0])
    assert config == {"base": "../../", "search": "../../../assets/s.js"}
    assert out.startswith("<p>x</p>")
    assert multilingual.search_base("<p>no config</p>", "../") == "<p>no config</p>"


def test_sitemaps_per_language_and_beside_every_page(tmp_path: Path) -> None:
    urls = "".join(
        f"\n    <url>\n        <loc>https://x.org/{path}</loc>\n    </url>"
        for path in ["", "guide/a/", "nb/", "nb/guide/a/", "is/", "is/guide/a/"]
    )
    (tmp_path / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="s">' + urls + "\n</urlset>\n",
        "utf-8",
    )
    for folder in ["", "guide/a/", "nb/", "nb/guide/a/", "is/", "is/guide/a/"]:
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "index.html").write_text("<p></p>", "utf-8")
    written = multilingual.write_sitemaps(tmp_path, LANGS, "https://x.org/")
    names = sorted(p.relative_to(tmp_path).as_posix() for p in written)
    assert names == [
        "guide/a/sitemap.xml",
        "is/guide/a/sitemap.xml",
        "is/sitemap.xml",
        "nb/guide/a/sitemap.xml",
        "nb/sitemap.xml",
    ]
    norwegian = (tmp_path / "nb/sitemap.xml").read_text("utf-8")
    assert norwegian.count("<url>") == 2 and "https://x.org/nb/guide/a/" in norwegian
    assert "https://x.org/is/" not in norwegian and norwegian.rstrip().endswith("</urlset>")
    assert (tmp_path / "guide/a/sitemap.xml").read_text("utf-8") == multilingual.EMPTY_SITEMAP
    assert (tmp_path / "sitemap.xml").read_text("utf-8").count("<url>") == 6


def test_theme_files_written_by_the_first_language_are_left_out_of_the_others(
    tmp_path: Path,
) -> None:
    theme, docs, site = tmp_path / "theme", tmp_path / "docs", tmp_path / "site"

    def file(src: Path, dest: str) -> SimpleNamespace:
        return SimpleNamespace(src_dir=str(src), abs_dest_path=str(site / dest))

    first = [file(theme, "assets/bundle.js"), file(docs, "index.html")]
    copied = multilingual.theme_files(first, [str(theme), str(tmp_path / "other")])
    assert copied == {str(site / "assets/bundle.js")}
    later = [
        file(theme, "assets/bundle.js"),
        file(theme, "assets/only-here.js"),
        file(docs, "nb/index.html"),
        file(docs, "assets/bundle.js"),
    ]
    again = multilingual.copied_again(later, [str(theme)], copied)
    assert again == [later[0]]
