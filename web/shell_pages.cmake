# shell_pages.cmake: writes the two pages that host the module, index.html (the full page) and
# embed.html (the page a blog frames), from the one template shell/page.html.in: they differ
# only in the title, one meta tag and the body's class. Run at site assembly (web.cmake):
#
#   cmake -DTEMPLATE=shell/page.html.in -DSITE=build/web/site -P web/shell_pages.cmake

set(PAGE_TITLE "CNI Campus: how pods get IP addresses on Amazon EKS")
set(PAGE_META [=[<meta name="description" content="An interactive tutorial of the AWS VPC CNI: ENIs, secondary IPs, max-pods, prefix delegation, subnet exhaustion and custom networking, explained as an office campus.">]=])
set(PAGE_CLASS "page-full")
configure_file("${TEMPLATE}" "${SITE}/index.html" @ONLY)

set(PAGE_TITLE "CNI Campus (embedded): how pods get IP addresses on Amazon EKS")
set(PAGE_META [=[<meta name="robots" content="noindex">]=])
set(PAGE_CLASS "page-embed")
configure_file("${TEMPLATE}" "${SITE}/embed.html" @ONLY)

# The template came along with the rest of shell/: the site serves only the pages.
get_filename_component(name "${TEMPLATE}" NAME)
file(REMOVE "${SITE}/${name}")
