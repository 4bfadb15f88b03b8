#!/usr/bin/python3
"""subset_fonts.py: picks Inter from Debian's fonts-inter package, cuts it down to the
glyphs CNI Campus draws, and writes a C++ source embedding the result.

Fonts are never committed: this runs at build time (web/web.cmake). The glyph set below
must match web/fonts.cpp's ImGui glyph ranges (kGlyphRanges there).
Usage: subset_fonts.py --font-dir /usr/share/fonts/opentype/inter --out fonts.cpp --work DIR
"""
import argparse
import os
import sys

# The code points the fonts hold; the generated source also gives them to ImGui
# (kFontGlyphRanges, web/fonts.cpp), so the two cannot drift. ASCII and the few other
# characters the lessons, exercises and UI use: every glyph costs start-up time (the atlas
# is rasterised in the browser at each pixel ratio) and download. `--check` (a CTest test)
# fails when a text uses a character outside these ranges.
RANGES = [
    (0x0020, 0x007E), (0x00B7, 0x00B7), (0x00D7, 0x00D7), (0x00F7, 0x00F7),
    (0x2013, 0x2014), (0x2018, 0x2019), (0x201C, 0x201D), (0x2022, 0x2022),
    (0x2026, 0x2026), (0x2190, 0x2193), (0x2212, 0x2212), (0x2248, 0x2248),
    (0x2264, 0x2265), (0x2713, 0x2713), (0x2717, 0x2717), (0x25B6, 0x25B6),
    (0x25C0, 0x25C0),
]
# Where the drawn text comes from: the lesson and exercise JSON, and the C++ sources (their
# UTF-8 as written, or as "\xE2\x86\x92" escapes).
TEXT_GLOBS = [("assets", ".json"), ("core", ".cpp"), ("core", ".h"), ("web", ".cpp"), ("web", ".h")]


def covered(cp):
    return any(lo <= cp <= hi for lo, hi in RANGES)


def check_text(root):
    """Names every character outside RANGES in the texts the app draws; 0 if none."""
    import re
    escapes = re.compile(r"(?:\\x[0-9A-Fa-f]{2})+")
    problems = []
    for folder, ext in TEXT_GLOBS:
        base = os.path.join(root, folder)
        for name in sorted(os.listdir(base)):
            if not name.endswith(ext):
                continue
            text = open(os.path.join(base, name), encoding="utf-8").read()
            decoded = "".join(
                bytes(int(h, 16) for h in m.group(0).split("\\x")[1:]).decode("utf-8", "ignore")
                for m in escapes.finditer(text))
            # \uXXXX in JSON and C++ (surrogate halves are skipped: none is drawn alone).
            decoded += "".join(chr(int(h, 16)) for h in re.findall(r"\\u([0-9A-Fa-f]{4})", text)
                               if not 0xD800 <= int(h, 16) <= 0xDFFF)
            for ch in sorted(set(text + decoded)):
                if ord(ch) > 0x7E and not covered(ord(ch)):
                    problems.append(f"{folder}/{name}: U+{ord(ch):04X} {ch!r} is not in the font "
                                    "subset; add it to RANGES in tools/subset_fonts.py")
    for p in problems:
        print(p)
    print(f"subset_fonts.py --check: {len(problems)} character(s) outside the font subset")
    return 1 if problems else 0
# (C++ name, file in fonts-inter, name embedded as). Each is converted from CFF outlines to
# TrueType quadratics: stb_truetype interprets CFF charstrings twice per glyph (box, then
# shape), and the atlas build at start-up was ~50 ms in the browser.
FONTS = [("inter_regular", "Inter-Regular.otf", "Inter-Regular.ttf"),
         ("inter_semibold", "Inter-SemiBold.otf", "Inter-SemiBold.ttf")]


# How far (in font units; Inter has 2,816 to the em) a quadratic curve may stray from the
# cubic it replaces: 6 units is under a quarter of a pixel for the 34 px numbers at a pixel
# ratio of 3, and 0.07 px for 16 px text at 2. With 1 unit the two fonts were 2.2 KB (gzip)
# larger, in the first download.
MAX_ERROR_UNITS = 6.0


def cff_to_truetype(font):
    """Replaces a font's CFF outlines by TrueType quadratic ones (fontTools' otf2ttf
    recipe: cu2qu within MAX_ERROR_UNITS, contours reversed to TrueType's direction)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR_UNITS, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    for g in glyf.glyphs.values():
        g.recalcBounds(glyf)
    hmtx = font["hmtx"]
    for name, g in glyf.glyphs.items():
        advance, _ = hmtx.metrics[name]
        hmtx.metrics[name] = (advance, getattr(g, "xMin", 0))
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(order)
    maxp.maxZones = 1
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    font["maxp"] = maxp
    maxp.recalc(font)  # point, contour and component counts from the new outlines
    post = font["post"]
    post.formatType = 3.0  # no glyph names: ImGui looks glyphs up by code point
    font.sfntVersion = "\000\001\000\000"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", metavar="ROOT", help="only check the texts under ROOT")
    ap.add_argument("--font-dir")
    ap.add_argument("--out")
    ap.add_argument("--work")
    args = ap.parse_args()
    if args.check:
        sys.exit(check_text(args.check))
    if not (args.font_dir and args.out and args.work):
        ap.error("--font-dir, --out and --work are needed to write the fonts")
    try:
        from fontTools import subset
    except ImportError:
        sys.exit("subset_fonts.py: fontTools missing (Debian: python3-fonttools); run ./campus setup")
    os.makedirs(args.work, exist_ok=True)
    unicodes = [cp for lo, hi in RANGES for cp in range(lo, hi + 1)]
    parts = ["// Generated by tools/subset_fonts.py from Debian's fonts-inter (SIL OFL 1.1).",
             "// Do not edit; do not commit.", '#include "fonts.h"', "", "namespace web {", "namespace {"]
    table = []
    for ident, filename, embedded_name in FONTS:
        src = os.path.join(args.font_dir, filename)
        if not os.path.exists(src):
            sys.exit(f"subset_fonts.py: {src} not found (Debian: fonts-inter); run ./campus setup")
        out = os.path.join(args.work, embedded_name)
        options = subset.Options()
        # ImGui 1.86 shapes no text (no kerning, no substitutions): the layout tables are
        # dead weight (6 KB of the 29 KB gzip of both fonts).
        options.layout_features = []
        options.drop_tables += ["GPOS", "GSUB", "GDEF", "STAT"]
        options.name_IDs = [1, 2]
        options.notdef_outline = True
        options.hinting = False
        options.desubroutinize = True
        font = subset.load_font(src, options)
        sub = subset.Subsetter(options)
        sub.populate(unicodes=unicodes)
        sub.subset(font)
        cff_to_truetype(font)
        subset.save_font(font, out, options)
        data = open(out, "rb").read()
        rows = [",".join(str(b) for b in data[i:i + 40]) for i in range(0, len(data), 40)]
        parts.append(f"const unsigned char {ident}[] = {{\n" + ",\n".join(rows) + "};")
        table.append(f"    {{\"{embedded_name}\", {ident}, sizeof({ident})}},")
    ranges = ", ".join(f"0x{lo:04X}, 0x{hi:04X}" for lo, hi in RANGES)
    parts += ["}  // namespace", "", "const FontFile kFontFiles[] = {"] + table + ["};",
              f"const int kFontFileCount = {len(FONTS)};",
              f"const unsigned short kFontGlyphRanges[] = {{{ranges}, 0}};",
              "", "}  // namespace web", ""]
    tmp = args.out + ".tmp"
    with open(tmp, "w") as f:
        f.write("\n".join(parts))
    os.replace(tmp, args.out)


if __name__ == "__main__":
    main()
