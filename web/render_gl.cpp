// render_gl.cpp: see render_gl.h.
#include "render_gl.h"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "imgui.h"

namespace web::render {
namespace {

GLuint g_program = 0;
GLuint g_copy_program = 0;  // the offscreen picture to the canvas
GLuint g_copy_vao = 0;      // no attributes
GLuint g_vao = 0;
GLuint g_vbo = 0;
GLuint g_ebo = 0;
GLuint g_font = 0;
GLuint g_bound = 0;      // the texture bound to unit 0
bool g_checked = false;  // failure() has asked the GL once
std::string g_failure;

// The projection is a constant vertex attribute (location 3: scale x, y, offset x, y), set
// with glVertexAttrib4f: a uniform would need glGetUniformLocation, which waits for the
// link. The texture is the font atlas' alpha in the red channel; ImGui's solid shapes
// sample its white pixel.
const char* const kVertexShader = R"(#version 300 es
layout (location = 0) in vec2 Position;
layout (location = 1) in vec2 UV;
layout (location = 2) in vec4 Color;
layout (location = 3) in vec4 Transform;
out vec2 Frag_UV;
out vec4 Frag_Color;
void main() {
    Frag_UV = UV;
    Frag_Color = Color;
    gl_Position = vec4(Position * Transform.xy + Transform.zw, 0.0, 1.0);
}
)";

const char* const kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D Texture;
in vec2 Frag_UV;
in vec4 Frag_Color;
layout (location = 0) out vec4 Out_Color;
void main() {
    Out_Color = vec4(Frag_Color.rgb, Frag_Color.a * texture(Texture, Frag_UV).r);
}
)";

// Copies the offscreen picture to the canvas: one triangle over the whole framebuffer, each
// pixel fetched as it is. (glBlitFramebuffer did the same at a quarter of the frame rate
// under SwiftShader: 15-20 against 60 frames a second in the call animation.)
const char* const kCopyVertexShader = R"(#version 300 es
void main() {
    vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
    gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
)";

const char* const kCopyFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D Picture;
layout (location = 0) out vec4 Out_Color;
void main() {
    Out_Color = texelFetch(Picture, ivec2(gl_FragCoord.xy), 0);
}
)";

GLuint compile(GLenum type, const char* source) {
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &source, nullptr);
    glCompileShader(s);
    return s;
}

GLuint link(const char* vertex, const char* fragment) {
    GLuint vs = compile(GL_VERTEX_SHADER, vertex);
    GLuint fs = compile(GL_FRAGMENT_SHADER, fragment);
    GLuint program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    glLinkProgram(program);
    glDetachShader(program, vs);
    glDetachShader(program, fs);
    glDeleteShader(vs);
    glDeleteShader(fs);
    return program;
}

// Points the vertex attributes at the vertex buffer, starting at vertex `first`.
void point_attributes(unsigned int first) {
    const GLsizei stride = sizeof(ImDrawVert);
    const uintptr_t base = first * sizeof(ImDrawVert);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(base + offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(base + offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                          reinterpret_cast<const void*>(base + offsetof(ImDrawVert, col)));
}

// The state ImGui's drawing needs; set once, and again if a draw callback asks for it.
void set_state() {
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glUseProgram(g_program);
    glBindVertexArray(g_vao);
    glBindBuffer(GL_ARRAY_BUFFER, g_vbo);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, g_bound);
}

// A rectangle (x0, y0 inclusive, x1, y1 exclusive); empty when x1 <= x0 or y1 <= y0.
struct Box {
    float x0 = FLT_MAX, y0 = FLT_MAX, x1 = -FLT_MAX, y1 = -FLT_MAX;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    void add(ImVec2 p) {
        x0 = std::min(x0, p.x);
        y0 = std::min(y0, p.y);
        x1 = std::max(x1, p.x);
        y1 = std::max(y1, p.y);
    }
    void add(const Box& o) {
        if (o.empty()) return;
        x0 = std::min(x0, o.x0);
        y0 = std::min(y0, o.y0);
        x1 = std::max(x1, o.x1);
        y1 = std::max(y1, o.y1);
    }
    Box clip(const Box& o) const {
        return Box{std::max(x0, o.x0), std::max(y0, o.y0), std::min(x1, o.x1), std::min(y1, o.y1)};
    }
    bool overlaps(const Box& o) const { return !clip(o).empty(); }
};

// Last frame's draw lists, to find what changed (render_gl.h).
// (ImGui's own vectors of these types: no new template code in the first download.)
struct LastList {
    ImVector<ImDrawVert> vtx;
    ImVector<ImDrawIdx> idx;
    ImVector<ImDrawCmd> cmd;
};
std::vector<LastList> g_last;
bool g_full = true;  // the next frame redraws everything (first frame, new size, new fonts)
float g_clear[3] = {-1, -1, -1};  // the background colour of the picture kept
ImVec2 g_pos, g_scale;            // its display position and scale
int g_fb_w = 0, g_fb_h = 0;
GLuint g_target_fbo = 0, g_target_tex = 0;  // the offscreen picture, kept across frames

bool same_cmds(const ImVector<ImDrawCmd>& a, const ImVector<ImDrawCmd>& b) {
    if (a.Size != b.Size) return false;
    for (int i = 0; i < b.Size; ++i) {
        const ImDrawCmd& x = a[i];
        const ImDrawCmd& y = b[i];
        if (x.ClipRect.x != y.ClipRect.x || x.ClipRect.y != y.ClipRect.y ||
            x.ClipRect.z != y.ClipRect.z || x.ClipRect.w != y.ClipRect.w ||
            x.TextureId != y.TextureId || x.VtxOffset != y.VtxOffset ||
            x.IdxOffset != y.IdxOffset || x.ElemCount != y.ElemCount ||
            x.UserCallback != y.UserCallback)
            return false;
    }
    return true;
}

Box vertex_box(const ImDrawVert* v, size_t n) {
    Box b;
    for (size_t i = 0; i < n; ++i)
        b.add(v[i].pos);
    return b;
}

// The area of a list's vertices in framebuffer pixels.
Box list_box(const ImDrawList* list, ImVec2 pos, ImVec2 scale) {
    const Box d = vertex_box(list->VtxBuffer.Data, static_cast<size_t>(list->VtxBuffer.Size));
    return Box{(d.x0 - pos.x) * scale.x - 1, (d.y0 - pos.y) * scale.y - 1,
               (d.x1 - pos.x) * scale.x + 1, (d.y1 - pos.y) * scale.y + 1};
}

// Adds to `area` (display units) where list `now` draws differently from `before`: when only
// vertices moved or changed colour (an animation), the triangles that use them, before and
// after; otherwise both lists' whole areas.
void changed_area(const ImDrawList* now, const LastList* before, Box& area) {
    if (!now || !before) {
        if (now)
            area.add(vertex_box(now->VtxBuffer.Data, static_cast<size_t>(now->VtxBuffer.Size)));
        if (before) area.add(vertex_box(before->vtx.Data, static_cast<size_t>(before->vtx.Size)));
        return;
    }
    const size_t nv = static_cast<size_t>(now->VtxBuffer.Size);
    const size_t ni = static_cast<size_t>(now->IdxBuffer.Size);
    if (nv != static_cast<size_t>(before->vtx.Size) ||
        ni != static_cast<size_t>(before->idx.Size) || !same_cmds(now->CmdBuffer, before->cmd) ||
        std::memcmp(now->IdxBuffer.Data, before->idx.Data, ni * sizeof(ImDrawIdx)) != 0) {
        area.add(vertex_box(now->VtxBuffer.Data, nv));
        area.add(vertex_box(before->vtx.Data, static_cast<size_t>(before->vtx.Size)));
        return;
    }
    const ImDrawVert* v = now->VtxBuffer.Data;
    const ImDrawVert* w = before->vtx.Data;
    if (std::memcmp(v, w, nv * sizeof(ImDrawVert)) == 0) return;
    for (const ImDrawCmd& cmd : now->CmdBuffer) {
        if (cmd.UserCallback != nullptr) continue;
        for (unsigned int t = 0; t + 2 < cmd.ElemCount; t += 3) {
            const size_t k[3] = {cmd.VtxOffset + now->IdxBuffer.Data[cmd.IdxOffset + t],
                                 cmd.VtxOffset + now->IdxBuffer.Data[cmd.IdxOffset + t + 1],
                                 cmd.VtxOffset + now->IdxBuffer.Data[cmd.IdxOffset + t + 2]};
            bool moved = false;
            for (size_t i : k)
                moved = moved || (i < nv && std::memcmp(&v[i], &w[i], sizeof(ImDrawVert)) != 0);
            if (!moved) continue;
            for (size_t i : k) {
                if (i >= nv) continue;
                area.add(v[i].pos);
                area.add(w[i].pos);
            }
        }
    }
}

// Copies a vector into one that keeps its storage from frame to frame.
template <typename T>
void copy(ImVector<T>& to, const ImVector<T>& from) {
    to.resize(from.Size);
    if (from.Size > 0) std::memcpy(to.Data, from.Data, static_cast<size_t>(from.Size) * sizeof(T));
}

// Keeps this frame's lists for the next frame's comparison.
void remember(const ImDrawData* data) {
    const int lists = data ? data->CmdListsCount : 0;
    g_last.resize(static_cast<size_t>(lists));
    for (int n = 0; n < lists; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        LastList& l = g_last[static_cast<size_t>(n)];
        copy(l.vtx, list->VtxBuffer);
        copy(l.idx, list->IdxBuffer);
        copy(l.cmd, list->CmdBuffer);
    }
}

// Scissors to a box of framebuffer pixels (GL counts rows from the bottom).
void scissor(const Box& b, int fb_h) {
    const int x0 = static_cast<int>(std::floor(b.x0)), y0 = static_cast<int>(std::floor(b.y0));
    const int x1 = static_cast<int>(std::ceil(b.x1)), y1 = static_cast<int>(std::ceil(b.y1));
    glScissor(x0, fb_h - y1, x1 - x0, y1 - y0);
}

// The offscreen picture at the framebuffer's size (a new size redraws everything).
void resize_target(int fb_w, int fb_h) {
    if (g_target_fbo == 0) {
        glGenFramebuffers(1, &g_target_fbo);
        glGenTextures(1, &g_target_tex);
    }
    glBindTexture(GL_TEXTURE_2D, g_target_tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, fb_w, fb_h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glBindTexture(GL_TEXTURE_2D, g_bound);
    glBindFramebuffer(GL_FRAMEBUFFER, g_target_fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, g_target_tex, 0);
    g_fb_w = fb_w;
    g_fb_h = fb_h;
    g_full = true;
}

}  // namespace

void init() {
    g_program = link(kVertexShader, kFragmentShader);
    g_copy_program = link(kCopyVertexShader, kCopyFragmentShader);
    glGenVertexArrays(1, &g_copy_vao);

    glGenVertexArrays(1, &g_vao);
    glGenBuffers(1, &g_vbo);
    glGenBuffers(1, &g_ebo);
    glBindVertexArray(g_vao);
    glBindBuffer(GL_ARRAY_BUFFER, g_vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g_ebo);  // recorded in the vertex array
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    point_attributes(0);
    set_state();

    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "campus_webgl2";
    // Large draw lists are drawn in pieces of under 64K vertices, each from its own base
    // vertex (the attributes are re-pointed: WebGL 2 has no base-vertex draw call).
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
}

void upload_fonts() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    if (g_font == 0) glGenTextures(1, &g_font);
    g_bound = g_font;
    glBindTexture(GL_TEXTURE_2D, g_font);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, atlas->TexWidth, atlas->TexHeight, 0, GL_RED,
                 GL_UNSIGNED_BYTE, atlas->TexPixelsAlpha8);
    atlas->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(g_font)));
    atlas->ClearTexData();  // the GL has its copy; the atlas stays built (TexReady)
    g_full = true;          // every glyph may have moved in the atlas
}

void draw(const ImDrawData* data, int fb_w, int fb_h, float r, float g, float b) {
    if (fb_w <= 0 || fb_h <= 0) return;
    if (fb_w != g_fb_w || fb_h != g_fb_h) resize_target(fb_w, fb_h);
    const int lists = data ? data->CmdListsCount : 0;
    const ImVec2 pos = data ? data->DisplayPos : ImVec2(0, 0);
    const ImVec2 scale = data ? data->FramebufferScale : ImVec2(1, 1);

    // A new background or a new mapping from display units to pixels repaints it all.
    if (g_clear[0] != r || g_clear[1] != g || g_clear[2] != b || g_pos.x != pos.x ||
        g_pos.y != pos.y || g_scale.x != scale.x || g_scale.y != scale.y) {
        g_clear[0] = r;
        g_clear[1] = g;
        g_clear[2] = b;
        g_pos = pos;
        g_scale = scale;
        g_full = true;
    }
    // What changed since the last frame, in framebuffer pixels; nothing: no GL call at all,
    // and the browser keeps showing the last picture.
    Box damage;
    if (g_full) {
        damage = Box{0, 0, static_cast<float>(fb_w), static_cast<float>(fb_h)};
    } else {
        Box d;
        for (int n = 0; n < std::max(lists, static_cast<int>(g_last.size())); ++n)
            changed_area(
                n < lists ? data->CmdLists[n] : nullptr,
                n < static_cast<int>(g_last.size()) ? &g_last[static_cast<size_t>(n)] : nullptr, d);
        // Display units to device pixels, a pixel more for the rounding of the edges.
        if (!d.empty())
            damage = Box{(d.x0 - pos.x) * scale.x - 1, (d.y0 - pos.y) * scale.y - 1,
                         (d.x1 - pos.x) * scale.x + 1, (d.y1 - pos.y) * scale.y + 1};
        damage = damage.clip(Box{0, 0, static_cast<float>(fb_w), static_cast<float>(fb_h)});
    }
    remember(data);
    g_full = false;
    if (damage.empty()) return;

    // Redraw the damaged area in the offscreen picture...
    glBindFramebuffer(GL_FRAMEBUFFER, g_target_fbo);
    glViewport(0, 0, fb_w, fb_h);
    glEnable(GL_SCISSOR_TEST);
    scissor(damage, fb_h);
    glClearColor(r, g, b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (lists > 0) {
        // Display coordinates to clip space, y pointing down.
        const ImVec2 size = data->DisplaySize;
        glVertexAttrib4f(3, 2.0f / size.x, -2.0f / size.y, -1.0f - pos.x * 2.0f / size.x,
                         1.0f + pos.y * 2.0f / size.y);
    }
    for (int n = 0; n < lists; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        if (!damage.overlaps(list_box(list, pos, scale))) continue;
        glBufferData(GL_ARRAY_BUFFER, list->VtxBuffer.Size * static_cast<int>(sizeof(ImDrawVert)),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER,
                     list->IdxBuffer.Size * static_cast<int>(sizeof(ImDrawIdx)),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        unsigned int first = 0;
        point_attributes(first);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback != nullptr) {
                if (cmd.UserCallback == ImDrawCallback_ResetRenderState)
                    set_state();
                else
                    cmd.UserCallback(list, &cmd);
                continue;
            }
            const Box clip =
                Box{(cmd.ClipRect.x - pos.x) * scale.x, (cmd.ClipRect.y - pos.y) * scale.y,
                    (cmd.ClipRect.z - pos.x) * scale.x, (cmd.ClipRect.w - pos.y) * scale.y}
                    .clip(damage);
            if (clip.empty()) continue;
            scissor(clip, fb_h);
            const GLuint tex = static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.TextureId));
            if (tex != g_bound) {
                glBindTexture(GL_TEXTURE_2D, tex);
                g_bound = tex;
            }
            if (cmd.VtxOffset != first) {
                first = cmd.VtxOffset;
                point_attributes(first);
            }
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                           sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<const void*>(static_cast<uintptr_t>(cmd.IdxOffset) *
                                                         sizeof(ImDrawIdx)));
        }
    }
    // ...then copy the whole picture to the canvas, whose buffer the browser does not keep.
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_BLEND);
    glUseProgram(g_copy_program);
    glBindVertexArray(g_copy_vao);
    glBindTexture(GL_TEXTURE_2D, g_target_tex);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    set_state();
}

void repaint_all() {
    g_full = true;
}

const char* failure() {
    if (g_checked) return g_failure.c_str();
    g_checked = true;
    for (GLuint program : {g_program, g_copy_program}) {
        GLint linked = GL_FALSE;
        glGetProgramiv(program, GL_LINK_STATUS, &linked);
        if (linked == GL_TRUE) continue;
        char log[512] = {0};
        glGetProgramInfoLog(program, sizeof log - 1, nullptr, log);
        g_failure = std::string("a drawing shader did not link: ") + log;
        break;
    }
    return g_failure.c_str();
}

}  // namespace web::render
