# stamp_split.cmake: names the split module's second part on the loader's script tag in the
# built pages, with a hash of its bytes: <script src="campus-loader.js"
# data-deferred="campus.deferred.wasm?v=...">. The loader fetches the rest early only when the
# tag says there is one (an unsplit build has none), and the hash keeps a page from pairing
# its campus.wasm with another build's second part from a cache (docs/size.md).
# Usage: cmake -DDIST=dist -P stamp_split.cmake
if(NOT DIST OR NOT EXISTS "${DIST}/campus.deferred.wasm")
    message(FATAL_ERROR "stamp_split.cmake: ${DIST}/campus.deferred.wasm is missing")
endif()
file(SHA256 "${DIST}/campus.deferred.wasm" hash)
string(SUBSTRING "${hash}" 0 16 version)
foreach(page index.html embed.html)
    file(READ "${DIST}/${page}" html)
    string(FIND "${html}" "<script src=\"campus-loader.js\"></script>" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "stamp_split.cmake: ${page} has no <script src=\"campus-loader.js\"></script>")
    endif()
    string(REPLACE "<script src=\"campus-loader.js\"></script>"
           "<script src=\"campus-loader.js\" data-deferred=\"campus.deferred.wasm?v=${version}\"></script>"
           html "${html}")
    file(WRITE "${DIST}/${page}" "${html}")
endforeach()
