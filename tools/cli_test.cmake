# cli_test.cmake: CTest tests for the cni-campus command-line tool (label "cli").
#
# One file, two roles:
# - included by CMakeLists.txt (native build), it adds one test per cli_test() call below;
# - run as a script (cmake -D... -P cli_test.cmake), it is that test: it runs the CLI once and
#   checks the exit status, stdout and stderr against regular expressions, and JSON fields of
#   stdout against expected values.
# Script parameters:
#   CLI     the cni-campus executable
#   ARGS    its arguments, split like a shell command line ("max-pods t3.small --json")
#   EXIT    expected exit status (default 0)
#   STDOUT  regular expression stdout must match (optional)
#   STDERR  regular expression stderr must match (optional; with EXIT 0, stderr must be empty)
#   JSON    checks on stdout parsed as JSON, separated by '|': "path=value" compares a field
#           ("enis=2", "steps.3.value=9", "reserved.1.role=VPC router"; booleans as
#           true/false), "path#=N" compares an array's length ("#=1391" for the top level)
#   STDIN   text fed to the CLI on standard input (optional)
#   WORKDIR directory to run in (optional)

if(CMAKE_SCRIPT_MODE_FILE)
    if(NOT DEFINED EXIT)
        set(EXIT 0)
    endif()
    separate_arguments(args UNIX_COMMAND "${ARGS}")
    set(input_option)
    if(DEFINED STDIN)
        string(MD5 stdin_hash "${ARGS}${STDIN}")
        set(stdin_file "${CMAKE_CURRENT_BINARY_DIR}/cli_stdin_${stdin_hash}.txt")
        file(WRITE "${stdin_file}" "${STDIN}")
        set(input_option INPUT_FILE "${stdin_file}")
    endif()
    set(dir_option)
    if(DEFINED WORKDIR)
        set(dir_option WORKING_DIRECTORY "${WORKDIR}")
    endif()
    execute_process(COMMAND "${CLI}" ${args} ${input_option} ${dir_option}
                    RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(DEFINED stdin_file)
        file(REMOVE "${stdin_file}")
    endif()

    set(failures "")
    if(NOT "${status}" STREQUAL "${EXIT}")
        string(APPEND failures "\n  exit status ${status}, expected ${EXIT}")
    endif()
    if(DEFINED STDOUT AND NOT out MATCHES "${STDOUT}")
        string(APPEND failures "\n  stdout does not match: ${STDOUT}")
    endif()
    if(DEFINED STDERR AND NOT err MATCHES "${STDERR}")
        string(APPEND failures "\n  stderr does not match: ${STDERR}")
    endif()
    if(NOT DEFINED STDERR AND "${EXIT}" STREQUAL "0" AND NOT err STREQUAL "")
        string(APPEND failures "\n  unexpected stderr")
    endif()
    if(DEFINED STDERR AND NOT out STREQUAL "" AND NOT "${EXIT}" STREQUAL "0")
        string(APPEND failures "\n  stdout should be empty on bad input")
    endif()

    if(DEFINED JSON AND failures STREQUAL "")
        string(JSON top_type ERROR_VARIABLE json_error TYPE "${out}")
        if(json_error)
            string(APPEND failures "\n  stdout is not JSON: ${json_error}")
        else()
            string(REPLACE "|" ";" checks "${JSON}")
            foreach(check IN LISTS checks)
                if(NOT check MATCHES "^([^=#]*)(#?)=(.*)$")
                    message(FATAL_ERROR "cli_test: bad JSON check '${check}'")
                endif()
                set(path "${CMAKE_MATCH_1}")
                set(is_length "${CMAKE_MATCH_2}")
                set(expected "${CMAKE_MATCH_3}")
                set(keys)
                if(NOT path STREQUAL "")
                    string(REPLACE "." ";" keys "${path}")
                endif()
                if(is_length)
                    string(JSON actual ERROR_VARIABLE get_error LENGTH "${out}" ${keys})
                else()
                    string(JSON actual ERROR_VARIABLE get_error GET "${out}" ${keys})
                    string(JSON kind ERROR_VARIABLE kind_error TYPE "${out}" ${keys})
                    if(NOT get_error AND kind STREQUAL "BOOLEAN")
                        if(actual)
                            set(actual true)
                        else()
                            set(actual false)
                        endif()
                    endif()
                endif()
                if(get_error)
                    string(APPEND failures "\n  ${path}: ${get_error}")
                elseif(NOT "${actual}" STREQUAL "${expected}")
                    string(APPEND failures "\n  ${path}${is_length}: got '${actual}', expected '${expected}'")
                endif()
            endforeach()
        endif()
    endif()

    if(NOT failures STREQUAL "")
        string(LENGTH "${out}" out_length)
        if(out_length GREATER 3000)
            string(SUBSTRING "${out}" 0 3000 out)
            string(APPEND out "\n[... ${out_length} characters in all]")
        endif()
        message(FATAL_ERROR "cni-campus ${ARGS}:${failures}\n--- stdout:\n${out}\n--- stderr:\n${err}")
    endif()
    return()
endif()

# ---- included from CMakeLists.txt: the tests ----------------------------------------------------
if(NOT TARGET cni-campus)
    return()
endif()
set(CLI_TEST_SCRIPT "${CMAKE_CURRENT_LIST_FILE}")
set(CLI_EXAMPLES "${CMAKE_SOURCE_DIR}/tools/examples")

# cli_test(NAME ARGS "..." [EXIT n] [STDOUT re] [STDERR re] [JSON checks] [STDIN text])
function(cli_test name)
    cmake_parse_arguments(T "" "ARGS;EXIT;STDOUT;STDERR;JSON;STDIN" "" ${ARGN})
    set(defs "-DCLI=$<TARGET_FILE:cni-campus>" "-DARGS=${T_ARGS}")
    foreach(key EXIT STDOUT STDERR JSON STDIN)
        if(DEFINED T_${key})
            list(APPEND defs "-D${key}=${T_${key}}")
        endif()
    endforeach()
    add_test(NAME "cli.${name}" COMMAND "${CMAKE_COMMAND}" ${defs} -P "${CLI_TEST_SCRIPT}")
    set_tests_properties("cli.${name}" PROPERTIES LABELS cli)
endfunction()

# -- help and version
cli_test(help ARGS "--help" STDOUT "max-pods.*warm-pool.*subnet.*simulate.*instance-types")
cli_test(command_help ARGS "warm-pool --help" STDOUT "--warm-prefix-target N.*WARM_PREFIX_TARGET")
cli_test(version ARGS "--version" STDOUT "^cni-campus [0-9]+\\.[0-9]+\\.[0-9]+ \\(catalog: 1,391 instance types\\)")

# -- max-pods: the known values of the facts file
cli_test(max_pods.t3_small ARGS "max-pods t3.small --json"
         JSON "instance_type=t3.small|enis=3|ips_per_eni=4|pod_ips=9|max_pods=11|recommended_max_pods=11|prefix_delegation=false|seed_figure=9|steps#=5|steps.2.label=pod addresses|steps.2.value=9|steps.3.value=11")
cli_test(max_pods.t3_small_pd ARGS "max-pods t3.small --prefix-delegation --json"
         JSON "prefix_delegation=true|pod_ips=144|max_pods=146|recommended_max_pods=110|recommended_cap=110|ami_max_pods=11|seed_figure=189|seed_approximate=true")
cli_test(max_pods.m5_large ARGS "max-pods m5.large --json"
         JSON "max_pods=29|pod_ips=27|custom_networking=false|branch_enis=9")
cli_test(max_pods.m5_large_cn ARGS "max-pods m5.large --custom-networking --json"
         JSON "max_pods=20|pod_enis=2|pod_ips=18|custom_networking=true|ami_max_pods=29")
cli_test(max_pods.m5_large_cn_pd ARGS "max-pods m5.large --custom-networking --prefix-delegation --json"
         JSON "max_pods=290|recommended_max_pods=110")
cli_test(max_pods.m5_large_sgp ARGS "max-pods m5.large --security-groups-for-pods --json"
         JSON "security_groups_for_pods=true|pod_ips=18|max_pods=29|recommended_max_pods=29|trunk_cost=9|kubelet_max_pods=29|waiting_when_full=9|branch_enis=9")
cli_test(max_pods.t3_small_sgp_unsupported ARGS "max-pods t3.small --security-groups-for-pods --json"
         JSON "security_groups_for_pods=false|security_groups_for_pods_requested=true|max_pods=11")
cli_test(max_pods.xen_pd_no_effect ARGS "max-pods m4.large --prefix-delegation --json"
         JSON "prefix_delegation=false|prefix_delegation_requested=true|max_pods=20")
cli_test(max_pods.case_insensitive ARGS "max-pods M5.LARGE --json" JSON "instance_type=m5.large")
cli_test(max_pods.text ARGS "max-pods t3.small"
         STDOUT "3 ENIs x \\(4 - 1\\) addresses = 9.*max-pods: +11.*simple count: +\\(3 x 4\\) - 3 = 9 .*exact: 9 pod addresses, max-pods 11")
cli_test(max_pods.text_pd ARGS "max-pods t3.small --prefix-delegation"
         STDOUT "= 144.*max-pods: +146.*recommended max-pods: 110.*= ~189 .*exact: 144")
cli_test(max_pods.all ARGS "max-pods --all --json"
         JSON "#=1391|0.instance_type=a1.2xlarge|0.max_pods=58|0.steps#=5")
cli_test(max_pods.all_pd ARGS "max-pods --all --prefix-delegation --json"
         JSON "#=1391|0.max_pods=898|0.recommended_max_pods=110")
cli_test(max_pods.all_text ARGS "max-pods --all" STDOUT "m5\\.large +nitro +2 +3 +10 +27 +29 +29 +29 +off.*1,391 instance types")

# -- max-pods: who sets it (issue 15), the corrected claims, IPv6
cli_test(max_pods.self_managed_pd ARGS "max-pods t3.small --prefix-delegation --json"
         JSON "node_group=self-managed|kubelet_max_pods=11|source=nodeadm|max_pods=146|managed_max_pods=110")
cli_test(max_pods.managed_pd ARGS "max-pods t3.small --prefix-delegation --node-group managed --json"
         JSON "node_group=managed|kubelet_max_pods=110|source=managed-node-group|max_pods=146|kubelet_steps.0.value=146|kubelet_steps.1.value=110")
cli_test(max_pods.managed_text ARGS "max-pods t3.small --prefix-delegation --node-group managed"
         STDOUT "kubelet on a new managed node: 110 .*EKS counts prefix.*delegation: max-pods[^0-9]+110")
cli_test(max_pods.self_managed_text ARGS "max-pods t3.small --prefix-delegation"
         STDOUT "kubelet on a new self-managed node: 11 \\(nodeadm on the EKS AL2023 AMI.*On a self-managed node \\(or a managed node group with a custom AMI\\) turning on")
cli_test(max_pods.source_nodeadm ARGS "max-pods c8ib.12xlarge --json" JSON "source=nodeadm|node_group=self-managed")
cli_test(max_pods.source_ec2_api ARGS "max-pods f1.2xlarge --json" JSON "source=nodeadm-ec2-api|kubelet_max_pods=58")
cli_test(max_pods.cn_pd_nothing_waits ARGS "max-pods m5.large --custom-networking --prefix-delegation --json"
         JSON "pod_ips=288|kubelet_max_pods=29|waiting_when_full=0")
cli_test(max_pods.cn_waits_beyond_686 ARGS "max-pods c5.18xlarge --custom-networking --json"
         JSON "pod_ips=686|kubelet_max_pods=737|waiting_when_full=49")
cli_test(max_pods.cn_managed ARGS "max-pods c5.18xlarge --custom-networking --node-group managed --json"
         JSON "kubelet_max_pods=250|waiting_when_full=0")
cli_test(max_pods.ipv6 ARGS "max-pods m5.large --ipv6 --json"
         JSON "ipv6=true|prefix_delegation=true|pod_enis=1|max_pods=110|kubelet_max_pods=29|ipv6_prefix_length=80|ipv6_prefix_addresses=281474976710656|v4_egress_range=169.254.172.0/22|v4_egress_addresses=1024")
cli_test(max_pods.ipv6_managed ARGS "max-pods m5.large --ipv6 --node-group managed --json"
         JSON "kubelet_max_pods=110|source=managed-node-group")
cli_test(max_pods.ipv6_text ARGS "max-pods c5.18xlarge --ipv6"
         STDOUT "2\\^\\(128 - 80\\) = 281,474,976,710,656.*max-pods: +250 +\\(no address limit")
cli_test(max_pods.all_managed ARGS "max-pods --all --prefix-delegation --node-group managed --json"
         JSON "#=1391|0.instance_type=a1.2xlarge|0.node_group=managed|0.kubelet_max_pods=110|0.source=managed-node-group|0.max_pods=898")
cli_test(max_pods.all_source ARGS "max-pods --all --json" JSON "0.node_group=self-managed|0.kubelet_max_pods=58|0.source=nodeadm")
cli_test(max_pods.all_ipv6 ARGS "max-pods --all --ipv6 --json"
         JSON "#=1391|0.ipv6_supported=true|7.instance_type=c1.medium|7.ipv6_supported=false")

# -- warm-pool
cli_test(warm_pool.t3_small_one_pod ARGS "warm-pool t3.small --pods 1 --json"
         JSON "enis=2|ips=6|prefixes=0|free_ips=5|pods=1|pending=0|max_pods=11|refused_pods=0|events#=4|eni_list.1.device_index=1|eni_list.1.pods=0")
cli_test(warm_pool.t3_small_no_pods ARGS "warm-pool t3.small --pods 0 --json"
         JSON "enis=1|ips=3|free_ips=3|pods=0")
cli_test(warm_pool.t3_small_pd ARGS "warm-pool t3.small --pods 12 --prefix-delegation --json"
         JSON "prefix_delegation=true|enis=1|prefixes=1|ips=16|free_ips=7|pods=9|refused_pods=3|max_pods=11")
cli_test(warm_pool.t3_small_pd_max_pods ARGS "warm-pool t3.small --pods 40 --prefix-delegation --max-pods 110 --json"
         JSON "prefixes=4|ips=64|free_ips=24|pods=40|refused_pods=0|max_pods=110")
cli_test(warm_pool.warm_ip_target ARGS "warm-pool m5.large --pods 5 --warm-ip-target 3 --minimum-ip-target 10 --json"
         JSON "enis=2|ips=10|free_ips=5|warm_ip_target=3|minimum_ip_target=10")
cli_test(warm_pool.custom_networking ARGS "warm-pool m5.large --pods 20 --custom-networking --json"
         JSON "pods=18|pending=2|pod_enis=2|eni_list.0.carries_pod_addresses=false|eni_list.1.subnet=subnet-pods")
cli_test(warm_pool.pd_managed ARGS "warm-pool t3.small --pods 40 --prefix-delegation --node-group managed --json"
         JSON "node_group=managed|max_pods=110|pods=40|refused_pods=0")
cli_test(warm_pool.pd_self_managed ARGS "warm-pool t3.small --pods 40 --prefix-delegation --node-group self-managed --json"
         JSON "node_group=self-managed|max_pods=11|pods=9|refused_pods=31")
cli_test(warm_pool.text ARGS "warm-pool t3.small --pods 1"
         STDOUT "attach-eni: Attached eni-2.*ENIs 2 of 3, 6 secondary IPs, 5 free, 1 pod running")

# -- subnet
cli_test(subnet.slash24 ARGS "subnet 10.0.0.0/24 --json"
         JSON "total=256|usable=251|delegatable_prefixes=14|reserved#=5|reserved.0.ip=10.0.0.0|reserved.1.role=VPC router|reserved.4.ip=10.0.0.255|reserved.4.role=broadcast")
cli_test(subnet.slash28 ARGS "subnet 10.0.0.16/28 --json" JSON "total=16|usable=11|delegatable_prefixes=0")
cli_test(subnet.slash16 ARGS "subnet 100.64.0.0/16 --json" JSON "usable=65531|delegatable_prefixes=4094")
cli_test(subnet.text ARGS "subnet 10.0.0.0/24" STDOUT "10\\.0\\.0\\.2 +reserved \\(base \\+ 2\\).*10\\.0\\.0\\.3 +future use.*usable: +251.*delegatable prefixes: +14")

# -- simulate (the examples under tools/examples)
cli_test(simulate.why_two_enis ARGS "simulate ${CLI_EXAMPLES}/why-two-enis.json --json"
         JSON "pods_running=1|nodes#=1|nodes.0.enis=2|nodes.0.ips=6|subnets.0.used=8|subnets.0.free_aligned_prefixes=14")
cli_test(simulate.custom_networking ARGS "simulate ${CLI_EXAMPLES}/custom-networking.json --json"
         JSON "pods_requested=44|pods_running=36|pods_waiting=8|nodes.0.max_pods=29|nodes.0.pending=4")
cli_test(simulate.fragmentation ARGS "simulate ${CLI_EXAMPLES}/fragmentation.json --json"
         JSON "nodes.0.pool_error_code=InsufficientCidrBlocks|subnets.0.free_aligned_prefixes=0")
cli_test(simulate.subnet_discovery ARGS "simulate ${CLI_EXAMPLES}/subnet-discovery.json --json"
         JSON "pods_running=20|nodes.0.eni_list.0.subnet=subnet-a|nodes.0.eni_list.1.subnet=subnet-b|nodes.0.eni_list.2.subnet=subnet-b|nodes.0.subnet_discovery=true|subnets.2.used=0|subnets.3.used=0")
cli_test(simulate.subnet_discovery_text ARGS "simulate ${CLI_EXAMPLES}/subnet-discovery.json"
         STDOUT "why subnet-a: the primary ENI always stays in the node's subnet.*why subnet-b: subnet discovery: subnet-b has the most free addresses.*tag kubernetes\\.io/role/cni=1")
cli_test(simulate.text ARGS "simulate ${CLI_EXAMPLES}/why-two-enis.json"
         STDOUT "Events:.*attach-eni.*Nodes:.*web-1 \\(t3\\.small in subnet-a\\): 2 ENIs.*Subnets:.*subnet-a 10\\.0\\.1\\.0/24")
cli_test(simulate.stdin ARGS "simulate - --json"
         STDIN "{\"version\": 1, \"name\": \"piped\", \"vpc\": {\"cidrs\": [\"10.0.0.0/16\"]}, \"subnets\": [{\"id\": \"subnet-a\", \"cidr\": \"10.0.0.0/24\"}], \"nodeGroups\": [{\"name\": \"n\", \"instanceType\": \"m5.large\", \"subnet\": \"subnet-a\"}], \"pods\": [{\"nodeGroup\": \"n\", \"count\": 3}]}"
         JSON "name=piped|pods_running=3|nodes.0.enis=2|nodes.0.ips=18|nodes.0.free_ips=15")

# -- instance-types
cli_test(instance_types.family ARGS "instance-types --family t3 --json"
         JSON "#=7|5.name=t3.small|5.ami_max_pods=11|5.security_groups_for_pods_supported=false")
cli_test(instance_types.all ARGS "instance-types --json" JSON "#=1391")

# -- bad input: exit 2, the message on stderr, nothing on stdout
cli_test(error.no_command ARGS "" EXIT 2 STDERR "no command given")
cli_test(error.unknown_command ARGS "max-pod t3.small" EXIT 2 STDERR "unknown command 'max-pod'; did you mean max-pods\\?")
cli_test(error.unknown_type ARGS "max-pods m5.lage" EXIT 2 STDERR "unknown instance type 'm5.lage'; did you mean m5\\.large")
cli_test(error.unknown_option ARGS "max-pods t3.small --prefix-delegatoin" EXIT 2 STDERR "unknown option '--prefix-delegatoin'; did you mean --prefix-delegation\\?")
cli_test(error.type_and_all ARGS "max-pods t3.small --all" EXIT 2 STDERR "not both")
cli_test(error.no_type ARGS "max-pods --json" EXIT 2 STDERR "needs an instance type")
cli_test(error.extra_argument ARGS "max-pods t3.small m5.large" EXIT 2 STDERR "unexpected argument 'm5\\.large'")
cli_test(error.flag_with_value ARGS "max-pods t3.small --json=yes" EXIT 2 STDERR "--json takes no value")
cli_test(error.missing_pods ARGS "warm-pool t3.small" EXIT 2 STDERR "needs --pods N")
cli_test(error.missing_value ARGS "warm-pool t3.small --pods" EXIT 2 STDERR "--pods needs a value")
cli_test(error.value_is_option ARGS "warm-pool t3.small --pods --json" EXIT 2 STDERR "--pods needs a value")
cli_test(error.trailing_text ARGS "warm-pool t3.small --pods 12abc" EXIT 2 STDERR "--pods needs a whole number \\(digits only\\), got '12abc'")
cli_test(error.negative ARGS "warm-pool t3.small --pods -3" EXIT 2 STDERR "--pods cannot be negative")
cli_test(error.negative_equals ARGS "warm-pool t3.small --pods=-1" EXIT 2 STDERR "--pods cannot be negative")
cli_test(error.too_large ARGS "warm-pool t3.small --pods 99999999999999999999999" EXIT 2 STDERR "--pods is too large")
cli_test(error.plus_sign ARGS "warm-pool t3.small --pods +5" EXIT 2 STDERR "digits only")
cli_test(error.twice ARGS "warm-pool t3.small --pods 1 --pods 2" EXIT 2 STDERR "--pods is given twice")
cli_test(error.warm_target_range ARGS "warm-pool t3.small --pods 1 --warm-eni-target 100" EXIT 2 STDERR "WARM_ENI_TARGET must be between 0 and 64, got 100")
cli_test(error.max_pods_zero ARGS "warm-pool t3.small --pods 1 --max-pods 0" EXIT 2 STDERR "--max-pods must be at least 1")
cli_test(warm_pool.sgp_unsupported ARGS "warm-pool t3.small --pods 1 --security-groups-for-pods --json"
         JSON "security_groups_for_pods=false|enis=2|notes#=1|notes.0=Security groups for pods is not supported on t3.small (no branch ENIs, like the whole t family): the option has no effect and no trunk ENI is attached.")
cli_test(max_pods.sgp_unsupported_same_note ARGS "max-pods t3.small --security-groups-for-pods"
         STDOUT "Security groups for pods is not supported on t3\\.small \\(no branch ENIs, like the whole t\n? *family\\): the option has no effect")
cli_test(error.host_bits ARGS "subnet 10.0.0.1/24" EXIT 2 STDERR "host bits set; did you mean 10\\.0\\.0\\.0/24\\?")
cli_test(error.no_prefix ARGS "subnet 10.0.0.0" EXIT 2 STDERR "no prefix length")
cli_test(error.bad_octet ARGS "subnet 300.1.2.0/24" EXIT 2 STDERR "300 is not an octet")
cli_test(error.subnet_too_large ARGS "subnet 10.0.0.0/8" EXIT 2 STDERR "too large for a subnet")
cli_test(error.subnet_link_local ARGS "subnet 169.254.0.0/24" EXIT 2 STDERR "link-local")
cli_test(error.missing_file ARGS "simulate ${CMAKE_BINARY_DIR}/no-such-scenario.json" EXIT 2 STDERR "cannot read '.*no-such-scenario\\.json'")
cli_test(error.directory ARGS "simulate ${CMAKE_SOURCE_DIR}/tools" EXIT 2 STDERR "it is a directory")
cli_test(error.bad_scenario_field ARGS "simulate -" EXIT 2
         STDIN "{\"version\": 1, \"name\": \"x\", \"vpc\": {\"cidrs\": [\"10.0.0.0/16\"]}, \"subnets\": [{\"id\": \"subnet-a\", \"cidr\": \"10.0.0.0/24\"}], \"nodeGroups\": [{\"name\": \"n\", \"instanceType\": \"m5.lage\", \"subnet\": \"subnet-a\"}]}"
         STDERR "standard input: nodeGroups\\[0\\]\\.instanceType: unknown instance type 'm5\\.lage'; did you mean m5\\.large")
cli_test(error.bad_scenario_json ARGS "simulate -" EXIT 2 STDIN "{\"version\": 1," STDERR "not valid JSON at byte [0-9]+ \\(line 1")
cli_test(error.ipv6_custom_networking ARGS "max-pods m5.large --ipv6 --custom-networking" EXIT 2
         STDERR "IPv6 and custom networking do not go together")
cli_test(error.ipv6_all_custom_networking ARGS "max-pods --all --ipv6 --custom-networking --json" EXIT 2
         STDERR "IPv6 and custom networking do not go together")
cli_test(error.ipv6_xen ARGS "max-pods m4.large --ipv6" EXIT 2
         STDERR "IPv6 needs prefix delegation, which m4\\.large \\(xen hypervisor\\) does not support")
cli_test(error.node_group ARGS "max-pods t3.small --node-group eks" EXIT 2
         STDERR "--node-group: A node group kind is 'managed'")
cli_test(error.node_group_warm_pool ARGS "warm-pool t3.small --pods 1 --node-group" EXIT 2
         STDERR "--node-group needs a value")
cli_test(error.unknown_family ARGS "instance-types --family m9" EXIT 2 STDERR "unknown instance family 'm9'; did you mean")

# -- lab: the incident labs. Each lab's reference fix and decoys are read from assets/labs.json,
#    so every lab (and every lab added later) is checked: the reference solves, each decoy not.
file(READ "${CMAKE_SOURCE_DIR}/assets/labs.json" labs_text)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/assets/labs.json")
string(JSON lab_count LENGTH "${labs_text}" labs)
math(EXPR lab_last "${lab_count} - 1")
foreach(i RANGE ${lab_last})
    string(JSON lab_id GET "${labs_text}" labs ${i} id)
    string(JSON ref_count LENGTH "${labs_text}" labs ${i} reference)
    math(EXPR ref_last "${ref_count} - 1")
    set(ref_ids "")
    foreach(k RANGE ${ref_last})
        string(JSON fix GET "${labs_text}" labs ${i} reference ${k})
        list(APPEND ref_ids "${fix}")
    endforeach()
    string(REPLACE ";" "," ref_ids "${ref_ids}")
    cli_test(lab.${lab_id}.reference ARGS "lab check ${lab_id} --apply ${ref_ids} --json"
             JSON "lab=${lab_id}|solved=true|after.waiting=0|after.pending=0|refused#=0")
    cli_test(lab.${lab_id}.untouched ARGS "lab check ${lab_id} --json" JSON "solved=false|applied#=0")
    string(JSON decoy_count LENGTH "${labs_text}" labs ${i} decoys)
    math(EXPR decoy_last "${decoy_count} - 1")
    foreach(d RANGE ${decoy_last})
        string(JSON fix_count LENGTH "${labs_text}" labs ${i} decoys ${d})
        math(EXPR fix_last "${fix_count} - 1")
        set(decoy_ids "")
        foreach(k RANGE ${fix_last})
            string(JSON fix GET "${labs_text}" labs ${i} decoys ${d} ${k})
            list(APPEND decoy_ids "${fix}")
        endforeach()
        string(REPLACE ";" "," decoy_ids "${decoy_ids}")
        cli_test(lab.${lab_id}.decoy_${d} ARGS "lab check ${lab_id} --apply ${decoy_ids} --json"
                 JSON "lab=${lab_id}|solved=false")
    endforeach()
endforeach()
cli_test(lab.list ARGS "lab list --json"
         JSON "#=${lab_count}|0.id=idle-but-full|0.reference#=3|0.fixes.0.id=pd|0.fixes.0.lever=prefix-delegation|0.decoys.0#=2")
cli_test(lab.list_text ARGS "lab list" STDOUT "idle-but-full: Idle but full.*pd +Hand out /28 prefixes.*ENABLE_PREFIX_DELEGATION=true")
cli_test(lab.check_text ARGS "lab check idle-but-full --apply pd,replace"
         STDOUT "before: +27 running, 0 waiting, 18 Pending \\(of 45\\).*solved: +no\\. 18 pods stay Pending.*0/3 nodes[ \n]+are available: 3 Too many pods\\.")
cli_test(lab.check_counts ARGS "lab check idle-but-full --apply max-pods,replace,pd --json"
         JSON "applied.0=pd|applied.2=replace|before.running=27|before.pending=18|after.running=45")
cli_test(lab.symptoms ARGS "lab check plenty-free-no-block --json"
         JSON "symptoms.0.kind=sandbox-failed|symptoms.1.kind=ec2-error"
         STDOUT "InsufficientCidrBlocks: Unable to attach IPs/Prefixes for the ENI")
cli_test(error.lab_unknown ARGS "lab check idle-but-ful" EXIT 2
         STDERR "unknown lab 'idle-but-ful'; the labs: idle-but-full, hoarding-warm-pool")
cli_test(error.lab_fix_unknown ARGS "lab check idle-but-full --apply pd,nope" EXIT 2
         STDERR "Lab 'idle-but-full' has no fix 'nope'; its fixes: pd, warm-ip, max-pods, replace")
cli_test(error.lab_fix_empty ARGS "lab check idle-but-full --apply pd,,replace" EXIT 2 STDERR "an empty fix id")
cli_test(error.lab_no_id ARGS "lab check" EXIT 2 STDERR "lab check needs a lab id")
cli_test(error.lab_action ARGS "lab show idle-but-full" EXIT 2 STDERR "unknown action 'show' \\(list or check\\)")
