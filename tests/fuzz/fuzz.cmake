# fuzz.cmake: libFuzzer targets for the parsers and the campus model (clang only).
#
# Included by CMakeLists.txt when CAMPUS_FUZZ is ON (./campus fuzz configures build/fuzz with
# clang++ and -DCAMPUS_FUZZ=ON). core/ is compiled a second time with coverage instrumentation
# (-fsanitize=fuzzer-no-link) plus AddressSanitizer and UBSan, and every tests/fuzz/fuzz_*.cpp
# becomes one executable linked with libFuzzer's main. `campus_fuzzers` builds them all.
# Each target also gets a CTest test (label "fuzz") that replays its seed corpus and its
# saved regression inputs once: a crash there fails the test.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "CAMPUS_FUZZ needs clang++ (libFuzzer); configure with "
                        "-DCMAKE_CXX_COMPILER=clang++ (./campus fuzz does this)")
endif()

set(CAMPUS_FUZZ_DIR "${CMAKE_SOURCE_DIR}/tests/fuzz")
set(CAMPUS_FUZZ_COMPILE -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                        -fno-omit-frame-pointer -g)
set(CAMPUS_FUZZ_LINK -fsanitize=fuzzer,address,undefined)

add_library(campus_core_fuzz STATIC ${CAMPUS_CORE_SOURCES} "${CAMPUS_ASSETS_CPP}")
target_include_directories(campus_core_fuzz PUBLIC "${CMAKE_SOURCE_DIR}/core"
                                                   "${CAMPUS_THIRD_PARTY_INCLUDE}")
target_compile_options(campus_core_fuzz PUBLIC ${CAMPUS_FUZZ_COMPILE})
campus_warnings(campus_core_fuzz)
campus_core_flags(campus_core_fuzz)

file(GLOB CAMPUS_FUZZ_SOURCES CONFIGURE_DEPENDS "${CAMPUS_FUZZ_DIR}/fuzz_*.cpp")
set(CAMPUS_FUZZ_TARGETS "")
foreach(src ${CAMPUS_FUZZ_SOURCES})
    get_filename_component(name "${src}" NAME_WE)
    add_executable(${name} "${src}")
    target_link_libraries(${name} PRIVATE campus_core_fuzz)
    target_include_directories(${name} PRIVATE "${CAMPUS_FUZZ_DIR}")
    target_link_options(${name} PRIVATE ${CAMPUS_FUZZ_LINK})
    campus_warnings(${name})
    list(APPEND CAMPUS_FUZZ_TARGETS ${name})

    # Replay seeds and regression inputs once (-runs=0: no new inputs, only the given ones).
    string(REGEX REPLACE "^fuzz_" "" short "${name}")
    set(replay "")
    foreach(dir corpus regressions)
        if(IS_DIRECTORY "${CAMPUS_FUZZ_DIR}/${dir}/${short}")
            list(APPEND replay "${CAMPUS_FUZZ_DIR}/${dir}/${short}")
        endif()
    endforeach()
    if(replay)
        add_test(NAME fuzz.${short}.replay COMMAND ${name} -runs=0 ${replay})
        set_tests_properties(fuzz.${short}.replay PROPERTIES LABELS fuzz)
    endif()
endforeach()
add_custom_target(campus_fuzzers DEPENDS ${CAMPUS_FUZZ_TARGETS})
