// fonts.h: the embedded Inter subset and the ImGui fonts built from it.
//
// tools/subset_fonts.py writes the font bytes at build time (never committed). Fonts are
// rasterised at the canvas's devicePixelRatio and shown at 1/ratio, so text is crisp on
// every screen; rebuild_fonts() runs again whenever the ratio changes (zoom, new screen).
#pragma once

struct ImFont;

namespace web {

struct FontFile {
    const char* name;
    const unsigned char* data;
    unsigned long size;
};
extern const FontFile kFontFiles[];
extern const int kFontFileCount;
// The code points the embedded fonts hold, as ImGui glyph ranges (pairs, then 0).
extern const unsigned short kFontGlyphRanges[];

struct Fonts {
    ImFont* body = nullptr;     // 16 px regular
    ImFont* strong = nullptr;   // 16 px semibold
    ImFont* heading = nullptr;  // 22 px semibold
    ImFont* big = nullptr;      // 34 px semibold, for the headline numbers
    ImFont* small = nullptr;    // 13 px regular, labels on the campus drawing
};

// (Re)builds the font atlas at this devicePixelRatio and uploads it. At start-up pass
// upload = false and upload once the renderer exists (web/render_gl.h).
void rebuild_fonts(Fonts& fonts, float dpr, bool upload = true);

}  // namespace web
