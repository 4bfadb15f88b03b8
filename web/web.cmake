# web.cmake: the Emscripten build (included from CMakeLists.txt's one if(EMSCRIPTEN) block).
# Produces campus.js + campus.wasm and assembles the static site, with plain file names, in
# ${CAMPUS_SITE_DIR}; ./campus build adds the lesson pages and publishes it to dist/ with
# every file named by its content (tools/publish_site.mjs).
set(CAMPUS_SITE_DIR "${CMAKE_BINARY_DIR}/site")
if(NOT EXISTS "${CAMPUS_IMGUI_DIR}/imgui.cpp")
    message(FATAL_ERROR "Dear ImGui sources not found in ${CAMPUS_IMGUI_DIR}: run ./campus setup")
endif()

# ---- Dear ImGui (third-party: its own warnings, never -Werror) ----------------------------
# ImGui 1.86 wraps a line after '.', ',', ';', '!', '?' or '"' even where no space follows,
# so "10.0.1.5" could break after "10.0." and a closing quote could send its full stop to the
# next line alone. The tutorial's words break at spaces only (as web/live_text.cpp's beats
# do): imgui_draw.cpp is compiled from a copy with that one rule changed. The build stops if
# the rule is not found (another ImGui version), rather than wrap differently unnoticed.
set(CAMPUS_IMGUI_DRAW "${CMAKE_BINARY_DIR}/generated/imgui_draw.cpp")
file(READ "${CAMPUS_IMGUI_DIR}/imgui_draw.cpp" _campus_draw)
set(_campus_rule "inside_word = (c != '.' && c != ',' && c != ';' && c != '!' && c != '?' && c != '\\\"');")
string(FIND "${_campus_draw}" "${_campus_rule}" _campus_at)
if(_campus_at EQUAL -1)
    message(FATAL_ERROR "imgui_draw.cpp: the word-wrap rule to change was not found")
endif()
string(REPLACE "${_campus_rule}" "inside_word = true;  // CNI Campus (web/web.cmake): spaces only"
       _campus_draw "${_campus_draw}")
set(_campus_old "")
if(EXISTS "${CAMPUS_IMGUI_DRAW}")
    file(READ "${CAMPUS_IMGUI_DRAW}" _campus_old)
endif()
if(NOT _campus_old STREQUAL _campus_draw)  # written again only when it changed
    file(WRITE "${CAMPUS_IMGUI_DRAW}" "${_campus_draw}")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CAMPUS_IMGUI_DIR}/imgui_draw.cpp")
add_library(imgui STATIC
    "${CAMPUS_IMGUI_DIR}/imgui.cpp"
    "${CAMPUS_IMGUI_DRAW}"
    "${CAMPUS_IMGUI_DIR}/imgui_tables.cpp"
    "${CAMPUS_IMGUI_DIR}/imgui_widgets.cpp")
target_include_directories(imgui SYSTEM PUBLIC "${CAMPUS_IMGUI_DIR}" "${CAMPUS_IMGUI_DIR}/backends")
target_compile_definitions(imgui PUBLIC
    IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS IMGUI_DISABLE_METRICS_WINDOW
    IMGUI_DISABLE_OBSOLETE_FUNCTIONS
    # The keyboard's focus order (web/keyboard.h), and widget labels and rectangles for
    # cniCampus.locate (web/locate.h, recorded once asked).
    IMGUI_ENABLE_TEST_ENGINE)

# ---- fonts: picked from Debian's packages and subset at build time, never committed -------
set(CAMPUS_FONT_DIR "/usr/share/fonts/opentype/inter" CACHE PATH "Inter font folder")
set(CAMPUS_FONTS_CPP "${CMAKE_BINARY_DIR}/generated/fonts_embedded.cpp")
add_custom_command(
    OUTPUT "${CAMPUS_FONTS_CPP}"
    COMMAND /usr/bin/python3 "${CMAKE_SOURCE_DIR}/tools/subset_fonts.py"
            --font-dir "${CAMPUS_FONT_DIR}" --out "${CAMPUS_FONTS_CPP}"
            --work "${CMAKE_BINARY_DIR}/fonts"
    DEPENDS "${CMAKE_SOURCE_DIR}/tools/subset_fonts.py"
    COMMENT "Subsetting and embedding Inter")

# ---- the app -------------------------------------------------------------------------------
file(GLOB CAMPUS_WEB_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/*.cpp")
add_executable(campus ${CAMPUS_WEB_SOURCES} "${CAMPUS_FONTS_CPP}")
target_include_directories(campus PRIVATE "${CMAKE_SOURCE_DIR}/web")
target_link_libraries(campus PRIVATE campus_core imgui)
campus_warnings(campus)
set_target_properties(campus PROPERTIES SUFFIX ".js")

# ---- flags shared by the app and the bench's bare "hello" page ------------------------------
# Size levers, measured with ./campus bench (tutorial vs a bare ImGui page): -Oz and
# link-time optimisation for size, no exceptions or RTTI anywhere, emmalloc, no
# filesystem, assertions off, and the closure compiler for the JS glue when installed.
option(CAMPUS_WEB_LTO "Link-time optimisation in the web build (smaller wasm)" ON)
# A release build (the web preset's MinSizeRel): closure, minified shell, module split.
if(CMAKE_BUILD_TYPE MATCHES "^(Release|MinSizeRel)$")
    set(CAMPUS_WEB_RELEASE ON)
else()
    set(CAMPUS_WEB_RELEASE OFF)
endif()
set(CAMPUS_WEB_SIZE_FLAGS "$<$<CONFIG:Release,MinSizeRel>:-Oz>")
if(CAMPUS_WEB_LTO)
    list(APPEND CAMPUS_WEB_SIZE_FLAGS "$<$<CONFIG:Release,MinSizeRel>:-flto>")
endif()
set(CAMPUS_WEB_FLAGS -fno-exceptions -fno-rtti ${CAMPUS_WEB_SIZE_FLAGS})
set(CAMPUS_WEB_LINK_FLAGS
    -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sMODULARIZE=1
    -sENVIRONMENT=web -sFILESYSTEM=0 -sMALLOC=emmalloc
    -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=16MB -sMAXIMUM_MEMORY=256MB
    -sDYNAMIC_EXECUTION=0 -sTEXTDECODER=2
    -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8
    "$<$<CONFIG:Release,MinSizeRel>:-sASSERTIONS=0>" ${CAMPUS_WEB_SIZE_FLAGS})
# Start-up speed: wasm-opt inlines every function that has one caller, however big, so the
# frame function was 32 KB of code and app_init 10 KB. Chromium compiles each function
# lazily (Liftoff), then again with TurboFan in the background once it has run a while,
# and V8 counts "a while" in code size run: those giants were recompiled at once, during
# the first frame, ~0.9 s of CPU on the cores the GPU process needed (SwiftShader, 2
# cores). With one-caller inlining capped at 200 expressions the largest function is 9 KB
# and start-up's TurboFan work is ~0.15 s; sizes move by under 1%.
list(APPEND CAMPUS_WEB_LINK_FLAGS -sBINARYEN_EXTRA_PASSES=--one-caller-inline-max-function-size=200)
# The closure compiler (npm google-closure-compiler, the release Emscripten 3.1.6 expects)
# roughly halves the JS glue. Emscripten reads its path from EM_CLOSURE_COMPILER at link.
set(CAMPUS_CLOSURE_COMPILER "${CMAKE_SOURCE_DIR}/node_modules/.bin/google-closure-compiler")
function(campus_web_link target)
    target_link_options(${target} PRIVATE ${CAMPUS_WEB_LINK_FLAGS})
    if(EXISTS "${CAMPUS_CLOSURE_COMPILER}" AND CAMPUS_WEB_RELEASE)
        target_link_options(${target} PRIVATE --closure=1)
        set_property(TARGET ${target} PROPERTY RULE_LAUNCH_LINK
                     "${CMAKE_COMMAND} -E env EM_CLOSURE_COMPILER=${CAMPUS_CLOSURE_COMPILER}")
    endif()
endfunction()

target_compile_options(campus PRIVATE ${CAMPUS_WEB_FLAGS})
target_compile_options(imgui PRIVATE ${CAMPUS_WEB_FLAGS})
campus_web_link(campus)
# The GL glue the tutorial's renderer needs (web/render_gl.cpp): no GL error bookkeeping in
# JavaScript, no enabling of extensions (it uses none), no emulated version strings (it
# asks for none). The bare hello page keeps the defaults its stock backend reads.
target_link_options(campus PRIVATE -sGL_TRACK_ERRORS=0 -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0
    -sGL_SUPPORT_SIMPLE_ENABLE_EXTENSIONS=0 -sGL_EMULATE_GLES_VERSION_STRING_FORMAT=0
    -sGL_EXTENSIONS_IN_PREFIXED_FORMAT=0)
# The glue reads only the module settings the loader passes (shell/campus-loader.js); the
# loader's own keys (onMirror, restState...) are read by platform_web.cpp's EM_JS code.
target_link_options(campus PRIVATE
    "-sINCOMING_MODULE_JS_API=[canvas,instantiateWasm,loadSplitModule,onAbort,print,printErr]")
target_link_options(campus PRIVATE
    -sEXPORT_NAME=createCampusModule
    -sEXPORTED_FUNCTIONS=_main,_malloc,_free,_campus_state_json,_campus_go_to,_campus_hash_changed,_campus_host_message,_campus_locate,_campus_view_text,_campus_rest_arrived,_campus_repaint,_campus_mirror_act)

# ---- module splitting: the landing step first, the rest when the learner acts ---------------
# With SPLIT_MODULE, emcc writes campus.wasm.orig (the optimised module, function names kept
# by --profiling-funcs for wasm-split) and campus.wasm (the same, instrumented: the profile
# tool runs it). wasm-split keeps the functions named in web/split-keep.txt (what loading and
# using the landing step ran, recorded by tools/split_profile.mjs) in campus.wasm and moves
# the rest into campus.deferred.wasm, which shell/campus-loader.js fetches on the learner's
# first interaction (after the first frame for a deep link or an embed). A function that is
# called before it has arrived still works: the loader then fetches it synchronously, and if
# that fails the page goes on with "Try again". docs/size.md.
option(CAMPUS_WEB_SPLIT "Split the web module: landing step first, the rest on interaction" ON)
set(CAMPUS_SPLIT_KEEP "${CMAKE_SOURCE_DIR}/web/split-keep.txt")
find_program(CAMPUS_WASM_SPLIT wasm-split)
if(CAMPUS_WEB_SPLIT AND CAMPUS_WEB_RELEASE)
    if(NOT CAMPUS_WASM_SPLIT)
        message(FATAL_ERROR "wasm-split (Debian package binaryen) is missing: run ./campus setup")
    endif()
    target_link_options(campus PRIVATE -sSPLIT_MODULE=1 --profiling-funcs -Wno-experimental)
    set(CAMPUS_SPLIT ON)
else()
    set(CAMPUS_SPLIT OFF)
endif()

# core is exception-free too (CMakeLists.txt, core/json_read.h), so the whole module links
# the no-exceptions C++ runtime and has no JavaScript invoke_* trampolines around calls.
target_compile_options(campus_core PRIVATE ${CAMPUS_WEB_FLAGS})

# ---- bench baseline: a bare ImGui page with the same flags (./campus bench; not in dist) ---
# It keeps ImGui's stock OpenGL3 backend (the tutorial draws with web/render_gl.cpp).
add_library(imgui_opengl3 STATIC EXCLUDE_FROM_ALL "${CAMPUS_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_compile_definitions(imgui_opengl3 PUBLIC IMGUI_IMPL_OPENGL_ES3)
target_compile_options(imgui_opengl3 PRIVATE ${CAMPUS_WEB_FLAGS})
target_link_libraries(imgui_opengl3 PUBLIC imgui)
add_executable(campus_hello EXCLUDE_FROM_ALL "${CMAKE_SOURCE_DIR}/bench/web/hello.cpp"
               "${CMAKE_SOURCE_DIR}/bench/web/hello_hooks.cpp")
target_link_libraries(campus_hello PRIVATE imgui_opengl3)
campus_warnings(campus_hello)
target_compile_options(campus_hello PRIVATE ${CAMPUS_WEB_FLAGS})
campus_web_link(campus_hello)
target_link_options(campus_hello PRIVATE -sEXPORT_NAME=createHelloModule
    -sEXPORTED_FUNCTIONS=_main,_hello_frames)
set_target_properties(campus_hello PROPERTIES SUFFIX ".js" OUTPUT_NAME hello
    RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/bench_web")
add_custom_command(TARGET campus_hello POST_BUILD
    COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_SOURCE_DIR}/bench/web/hello.html"
            "${CMAKE_SOURCE_DIR}/bench/web/hello.css" "${CMAKE_SOURCE_DIR}/bench/web/hello-start.js"
            "${CMAKE_BINARY_DIR}/bench_web/"
    COMMENT "Assembling the bench's hello page")

# ---- the static site: shell/ + campus.js + campus.wasm (+ the rest) + the fetched data ----
# Assembled with plain names in ${CAMPUS_SITE_DIR}; ./campus build adds the lesson pages
# and publishes it to dist/ (tools/publish_site.mjs: content-hashed names, precompressed).
# The shell's scripts are minified by the same closure compiler (simple mode: names and
# behaviour kept; the loader goes from 5.6 to 3.1 KB gzip). shell/ keeps the readable source.
set(CAMPUS_MINIFY_SHELL "")
if(EXISTS "${CAMPUS_CLOSURE_COMPILER}" AND CAMPUS_WEB_RELEASE)
    foreach(js campus-loader.js embed.js)
        list(APPEND CAMPUS_MINIFY_SHELL COMMAND "${CAMPUS_CLOSURE_COMPILER}" --compilation_level SIMPLE
             --language_out ECMASCRIPT_2015 --js "${CMAKE_SOURCE_DIR}/shell/${js}"
             --js_output_file "${CAMPUS_SITE_DIR}/${js}")
    endforeach()
endif()
if(CAMPUS_SPLIT)
    # The committed list names functions without the numbers LTO gives local ones; resolve
    # it against this module's names first (tools/split_keep.py).
    set(CAMPUS_SPLIT_RESOLVED "${CMAKE_BINARY_DIR}/split-keep.resolved.txt")
    set(CAMPUS_SITE_WASM
        COMMAND /usr/bin/python3 "${CMAKE_SOURCE_DIR}/tools/split_keep.py"
                --wasm-split "${CAMPUS_WASM_SPLIT}" --module "$<TARGET_FILE_DIR:campus>/campus.wasm.orig"
                --keep "${CAMPUS_SPLIT_KEEP}" --out "${CAMPUS_SPLIT_RESOLVED}"
        COMMAND "${CAMPUS_WASM_SPLIT}" --enable-mutable-globals --export-prefix=%
                "$<TARGET_FILE_DIR:campus>/campus.wasm.orig" "--keep-funcs=@${CAMPUS_SPLIT_RESOLVED}"
                -o1 "${CAMPUS_SITE_DIR}/campus.wasm" -o2 "${CAMPUS_SITE_DIR}/campus.deferred.wasm")
else()
    set(CAMPUS_SITE_WASM
        COMMAND ${CMAKE_COMMAND} -E copy "$<TARGET_FILE_DIR:campus>/campus.wasm" "${CAMPUS_SITE_DIR}/"
        COMMAND ${CMAKE_COMMAND} -E rm -f "${CAMPUS_SITE_DIR}/campus.deferred.wasm")
endif()
# Re-assembled whenever the module, the keep list, the data or a shell file changes (a
# custom command rather than POST_BUILD, so that an edit to shell/ alone is picked up too).
file(GLOB CAMPUS_SHELL_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/shell/*")
set(CAMPUS_FETCHED_DATA "${CMAKE_SOURCE_DIR}/assets/catalog.json" "${CMAKE_SOURCE_DIR}/assets/exercises.json"
    "${CMAKE_SOURCE_DIR}/assets/labs.json")
set(CAMPUS_SITE_STAMP "${CMAKE_BINARY_DIR}/site.stamp")
add_custom_command(OUTPUT "${CAMPUS_SITE_STAMP}"
    COMMAND ${CMAKE_COMMAND} -E rm -rf "${CAMPUS_SITE_DIR}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${CAMPUS_SITE_DIR}"
    COMMAND ${CMAKE_COMMAND} -E copy "$<TARGET_FILE_DIR:campus>/campus.js" "${CAMPUS_SITE_DIR}/"
    ${CAMPUS_SITE_WASM}
    COMMAND ${CMAKE_COMMAND} -E copy_directory "${CMAKE_SOURCE_DIR}/shell" "${CAMPUS_SITE_DIR}"
    COMMAND ${CMAKE_COMMAND} "-DTEMPLATE=${CMAKE_SOURCE_DIR}/shell/page.html.in"
            "-DSITE=${CAMPUS_SITE_DIR}" -P "${CMAKE_SOURCE_DIR}/web/shell_pages.cmake"
    COMMAND ${CMAKE_COMMAND} -E copy ${CAMPUS_FETCHED_DATA} "${CAMPUS_SITE_DIR}/"
    ${CAMPUS_MINIFY_SHELL}
    COMMAND ${CMAKE_COMMAND} -E touch "${CAMPUS_SITE_STAMP}"
    DEPENDS campus ${CAMPUS_SHELL_FILES} "${CMAKE_SOURCE_DIR}/web/shell_pages.cmake"
            ${CAMPUS_FETCHED_DATA} "${CAMPUS_SPLIT_KEEP}"
            "${CMAKE_SOURCE_DIR}/tools/split_keep.py"
    COMMENT "Assembling ${CAMPUS_SITE_DIR}")
add_custom_target(campus_site ALL DEPENDS "${CAMPUS_SITE_STAMP}")
