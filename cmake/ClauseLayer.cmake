# clause_layer(NAME DEPS...): one static library per folder, sources found by glob so that adding a
# file pair needs no edit here. Headers are included as "folder/file.h" from the repository root.
function(clause_layer name)
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cc)
  list(FILTER sources EXCLUDE REGEX "/main\\.cc$")
  if(NOT sources)  # a layer still being written: headers only
    add_library(clause_${name} INTERFACE)
    target_include_directories(clause_${name} INTERFACE ${PROJECT_SOURCE_DIR})
    target_link_libraries(clause_${name} INTERFACE ${ARGN})
    return()
  endif()
  add_library(clause_${name} STATIC ${sources})
  target_include_directories(clause_${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(clause_${name} PUBLIC ${ARGN})
endfunction()

# clause_tests(LAYER DEPS...): tests/LAYER/*_test.cc become one GoogleTest executable LAYER_tests.
function(clause_tests layer)
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${layer}/*.cc)
  if(NOT sources)
    return()
  endif()
  add_executable(${layer}_tests ${sources})
  if(CLAUSE_SANITIZE)  # the sanitizers' defaults and third-party suppressions (tests/sanitizer/)
    target_sources(${layer}_tests PRIVATE ${PROJECT_SOURCE_DIR}/tests/sanitizer/default_options.cc)
  endif()
  target_link_libraries(${layer}_tests PRIVATE ${ARGN} GTest::gtest_main)
  target_compile_definitions(${layer}_tests PRIVATE
    CLAUSE_SOURCE_DIR="${PROJECT_SOURCE_DIR}" CLAUSE_BINARY_DIR="${PROJECT_BINARY_DIR}")
  gtest_discover_tests(${layer}_tests DISCOVERY_MODE PRE_TEST
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} PROPERTIES LABELS ${layer})
endfunction()
