// render_gl.h: draws ImGui's draw data with WebGL 2, keeping the GL state in the app.
//
// ImGui 1.86's OpenGL3 backend saves and restores the GL state around every frame with
// glGet* and glIsEnabled calls. In a browser each of those is a synchronous getParameter
// that waits for the GPU process (~40 ms a frame under SwiftShader, which held animations
// to 24-37 frames a second). The page owns its WebGL context, so this renderer sets the
// state ImGui's drawing needs once, never asks the GL for anything during a frame, and
// only changes what moves: viewport, scissor, buffers, the bound texture. The font atlas is
// uploaded as one byte per pixel (the atlas' alpha), a quarter of the RGBA upload.
//
// Under a software renderer (SwiftShader) a frame's cost is its pixels: ImGui paints most
// of them several times (window, card, text). So the picture is kept in an offscreen
// framebuffer, and a frame repaints only what changed since the last one, found by
// comparing the draw lists (an animation moves a few vertices: the triangles they belong
// to), then copies the picture to the canvas, whose buffer the browser does not keep. A
// frame in which nothing changed makes no GL call at all.
#pragma once

struct ImDrawData;

namespace web::render {

// Creates the shader program, buffers and vertex layout and sets the fixed GL state. Needs
// the current WebGL 2 context; asks the GL nothing back (link errors: see failure()).
void init();
// (Re)uploads the font atlas, which must have been built; frees the atlas' CPU pixels.
void upload_fonts();
// Draws the frame into a fb_w x fb_h framebuffer on the colour: what changed since the
// last call, then the whole picture to the canvas.
void draw(const ImDrawData* data, int fb_w, int fb_h, float r, float g, float b);
// The next draw() repaints the whole picture, changed or not (for tests and tools).
void repaint_all();
// After the first frame: "" when the shader program linked, else the GL's reason. (Asked
// then, not at init, so that the first frame never waits for the shader compiler.)
const char* failure();

}  // namespace web::render
