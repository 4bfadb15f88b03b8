// fonts.cpp: builds the ImGui font atlas from the embedded Inter subset.
#include "fonts.h"

#include <cstring>

#include "imgui.h"
#include "imgui_internal.h"
#include "render_gl.h"

namespace web {
namespace {

// The big font shows only numbers on cards ("1,024", "14 of 15", "17 → 110", "-"): ASCII
// and the arrows. At 34 px it was half the atlas' rasterising time with every glyph.
const ImWchar kNumberRanges[] = {0x0020, 0x007E, 0x2190, 0x2193, 0x2212, 0x2212, 0};

// The embedded file of that name. tools/subset_fonts.py writes every file fonts.cpp asks
// for (a build without them fails), so the first one only stands in for a renamed file.
// ImGui's own default font, ProggyClean, is never used: see rebuild_fonts.
const FontFile& find_file(const char* name) {
    for (int i = 0; i < kFontFileCount; ++i) {
        if (std::strcmp(kFontFiles[i].name, name) == 0) return kFontFiles[i];
    }
    return kFontFiles[0];
}

ImFont* add(const char* file, float size_px, float dpr, const ImWchar* ranges = kFontGlyphRanges) {
    const FontFile& f = find_file(file);
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    std::strncpy(cfg.Name, file, sizeof(cfg.Name) - 1);
    return atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(f.data), static_cast<int>(f.size),
                                       size_px * dpr, &cfg, ranges);
}

}  // namespace

void rebuild_fonts(Fonts& fonts, float dpr, bool upload) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    fonts.body = add("Inter-Regular.ttf", 16.0f, dpr);
    fonts.strong = add("Inter-SemiBold.ttf", 16.0f, dpr);
    fonts.heading = add("Inter-SemiBold.ttf", 22.0f, dpr);
    fonts.big = add("Inter-SemiBold.ttf", 34.0f, dpr, kNumberRanges);
    fonts.small = add("Inter-Regular.ttf", 13.0f, dpr);
    // WebGL 2 takes any texture size. Without this flag the height is rounded up to a
    // power of two, and every extra row is converted to RGBA and uploaded for nothing:
    // 512 x 1024 where 512 x 580 holds every glyph at a pixel ratio of 2 (2.0 -> 1.1 MB).
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    io.FontDefault = fonts.body;
    io.FontGlobalScale = 1.0f / dpr;
    // The stb_truetype builder directly, not ImFontAtlas::Build(): Build() adds ImGui's
    // default font when an atlas has none, and that one reference kept ProggyClean (~10 KB
    // gzip, never drawn here) in the first download. With no caller it is not linked.
    ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(io.Fonts);
    if (upload) render::upload_fonts();
}

}  // namespace web
