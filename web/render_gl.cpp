// render_gl.cpp: see render_gl.h.
#include "render_gl.h"

#include <GLES3/gl3.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "imgui.h"

namespace web::render {
namespace {

GLuint g_program = 0;
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

GLuint compile(GLenum type, const char* source) {
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &source, nullptr);
    glCompileShader(s);
    return s;
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

}  // namespace

void init() {
    GLuint vs = compile(GL_VERTEX_SHADER, kVertexShader);
    GLuint fs = compile(GL_FRAGMENT_SHADER, kFragmentShader);
    g_program = glCreateProgram();
    glAttachShader(g_program, vs);
    glAttachShader(g_program, fs);
    glLinkProgram(g_program);
    glDetachShader(g_program, vs);
    glDetachShader(g_program, fs);
    glDeleteShader(vs);
    glDeleteShader(fs);

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
}

void draw(const ImDrawData* data, int fb_w, int fb_h, float r, float g, float b) {
    glViewport(0, 0, fb_w, fb_h);
    glDisable(GL_SCISSOR_TEST);  // a clear obeys the scissor box
    glClearColor(r, g, b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (data == nullptr || fb_w <= 0 || fb_h <= 0 || data->CmdListsCount == 0) return;
    glEnable(GL_SCISSOR_TEST);

    // Display coordinates (data->DisplayPos, DisplaySize) to clip space, y pointing down.
    const ImVec2 pos = data->DisplayPos, size = data->DisplaySize;
    glVertexAttrib4f(3, 2.0f / size.x, -2.0f / size.y, -1.0f - pos.x * 2.0f / size.x,
                     1.0f + pos.y * 2.0f / size.y);
    const ImVec2 scale = data->FramebufferScale;
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
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
            const float x0 = (cmd.ClipRect.x - pos.x) * scale.x;
            const float y0 = (cmd.ClipRect.y - pos.y) * scale.y;
            const float x1 = (cmd.ClipRect.z - pos.x) * scale.x;
            const float y1 = (cmd.ClipRect.w - pos.y) * scale.y;
            if (x1 <= x0 || y1 <= y0 || x0 >= static_cast<float>(fb_w) ||
                y0 >= static_cast<float>(fb_h))
                continue;
            glScissor(static_cast<int>(x0), static_cast<int>(static_cast<float>(fb_h) - y1),
                      static_cast<int>(x1 - x0), static_cast<int>(y1 - y0));
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
}

const char* failure() {
    if (g_checked) return g_failure.c_str();
    g_checked = true;
    GLint linked = GL_FALSE;
    glGetProgramiv(g_program, GL_LINK_STATUS, &linked);
    if (linked == GL_TRUE) return "";
    char log[512] = {0};
    glGetProgramInfoLog(g_program, sizeof log - 1, nullptr, log);
    g_failure = std::string("the drawing shader did not link: ") + log;
    return g_failure.c_str();
}

}  // namespace web::render
