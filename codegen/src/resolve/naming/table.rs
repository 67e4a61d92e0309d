//! Expected names for the table-driven naming test. Rows marked `ecs`/`batch` are what
//! aws-sdk-ecs 1.157.0 / aws-sdk-batch 1.138.0 generate for that model name; rows marked
//! `rule` have no sdk counterpart and pin this module's own choice.

/// Which naming function a row exercises.
#[derive(Clone, Copy, Debug)]
pub(super) enum Func {
    /// `split_words`, expected words joined by spaces.
    Words,
    Field,
    Type,
    Variant,
}

use Func::{Field, Type, Variant, Words};

#[rustfmt::skip]
pub(super) const ROWS: &[(Func, &str, &str)] = &[
    // --- split_words (smithy-rs splitter, behind every sdk field name below) ---
    (Words, "sizeInGiB", "size in gib"),                      // ecs ServiceManagedEbsVolumeConfiguration.size_in_gib
    (Words, "ipv6Address", "ipv6 address"),                   // ecs NetworkInterface.ipv6_address
    (Words, "enableECSManagedTags", "enable ecs managed tags"), // ecs Service.enable_ecs_managed_tags
    (Words, "json-file", "json file"),                        // rule: kebab-case
    (Words, "x86_64", "x86 64"),                              // rule: snake_case with digits
    (Words, "t2.micro instance", "t2 micro instance"),        // rule: dots and spaces separate
    (Words, "s3key", "s3 key"),                               // rule: all lower case, digit then letter splits
    (Words, "ARNs", "arns"),                                  // rule: plural acronym stays whole
    (Words, "DBProxy", "db proxy"),                           // rule: acronym ends before a capitalised word
    (Words, "", ""),                                          // rule: empty
    // --- field_name ---
    (Field, "sizeInGiB", "size_in_gib"),                      // ecs ServiceManagedEbsVolumeConfiguration.size_in_gib
    (Field, "containerDefinitions", "container_definitions"), // ecs RegisterTaskDefinitionInput.container_definitions
    (Field, "acceleratorTotalMemoryMiB", "accelerator_total_memory_mib"), // ecs InstanceRequirementsRequest
    (Field, "memoryGiBPerVCpu", "memory_gib_per_v_cpu"),      // ecs InstanceRequirementsRequest.memory_gib_per_v_cpu
    (Field, "totalLocalStorageGB", "total_local_storage_gb"), // ecs InstanceRequirementsRequest
    (Field, "baselineEbsBandwidthMbps", "baseline_ebs_bandwidth_mbps"), // ecs InstanceRequirementsRequest
    (Field, "ipv6Address", "ipv6_address"),                   // ecs NetworkInterface.ipv6_address
    (Field, "privateIpv4Address", "private_ipv4_address"),    // ecs NetworkInterface.private_ipv4_address
    (Field, "enableECSManagedTags", "enable_ecs_managed_tags"), // ecs Service.enable_ecs_managed_tags
    (Field, "efsVolumeConfiguration", "efs_volume_configuration"), // ecs Volume.efs_volume_configuration
    (Field, "fsxWindowsFileServerVolumeConfiguration", "fsx_windows_file_server_volume_configuration"), // ecs Volume
    (Field, "webACLArn", "web_acl_arn"),                      // ecs HostSharedAlbConfiguration.web_acl_arn
    (Field, "bindIP", "bind_ip"),                             // ecs NetworkBinding.bind_ip
    (Field, "s3KeyPrefix", "s3_key_prefix"),                  // ecs ExecuteCommandLogConfiguration.s3_key_prefix
    (Field, "ec2KeyPair", "ec2_key_pair"),                    // batch ComputeResource.ec2_key_pair
    (Field, "containerID", "container_id"),                   // batch EksAttemptContainerDetail.container_id
    (Field, "eksProperties", "eks_properties"),               // batch JobDefinition.eks_properties
    (Field, "vcpus", "vcpus"),                                // batch ContainerDetail.vcpus
    (Field, "type", "type"),                                  // ecs PlacementStrategy.r#type (ident adds r#)
    (Field, "match", "match"),                                // rule: keywords stay, ident escapes them
    (Field, "self", "self"),                                  // rule: ident turns it into self_ as smithy-rs does
    (Field, "default", "default_value"),                      // rule from smithy-rs RustReservedWordSymbolProvider
    (Field, "meta", "meta_value"),                            // rule from smithy-rs RustReservedWordSymbolProvider
    (Field, "1.0", "_1_0"),                                   // rule: leading digit gets `_`
    (Field, "3dSetting", "_3d_setting"),                      // rule: leading digit gets `_`
    (Field, "", "unnamed"),                                   // rule: nothing to name
    (Field, "---", "unnamed"),                                // rule: nothing to name
    // --- type_name ---
    (Type, "EFSVolumeConfiguration", "EfsVolumeConfiguration"), // ecs and batch
    (Type, "FSxWindowsFileServerVolumeConfiguration", "FSxWindowsFileServerVolumeConfiguration"), // ecs
    (Type, "AcceleratorTotalMemoryMiBRequest", "AcceleratorTotalMemoryMiBRequest"), // ecs
    (Type, "MemoryGiBPerVCpuRequest", "MemoryGiBPerVCpuRequest"), // ecs
    (Type, "TotalLocalStorageGBRequest", "TotalLocalStorageGbRequest"), // ecs
    (Type, "EFSAuthorizationConfigIAM", "EfsAuthorizationConfigIam"), // ecs and batch
    (Type, "ServiceManagedEBSVolumeConfiguration", "ServiceManagedEbsVolumeConfiguration"), // ecs
    (Type, "CPUArchitecture", "CpuArchitecture"),             // ecs enum
    (Type, "OSFamily", "OsFamily"),                           // ecs enum
    (Type, "CRAllocationStrategy", "CrAllocationStrategy"),   // batch enum
    (Type, "LinuxParameters", "LinuxParameters"),             // ecs and batch
    (Type, "EksPodProperties", "EksPodProperties"),           // batch
    (Type, "Ec2Configuration", "Ec2Configuration"),           // batch
    (Type, "GatewayElbAccessLogS3Destination", "GatewayElbAccessLogS3Destination"), // ecs
    (Type, "ClientException", "ClientException"),             // ecs and batch error
    (Type, "Self", "SelfValue"),                              // rule from smithy-rs RustReservedWords
    (Type, "", "Unnamed"),                                    // rule: nothing to name
    // --- variant_name: Smithy member names (what smithy-rs uses) ---
    (Variant, "JSON_FILE", "JsonFile"),                       // ecs/batch LogDriver::JsonFile
    (Variant, "FARGATE_SPOT", "FargateSpot"),                 // batch CrType::FargateSpot
    (Variant, "X86_64", "X8664"),                             // ecs CpuArchitecture::X8664
    (Variant, "ARM64", "Arm64"),                              // ecs CpuArchitecture::Arm64
    (Variant, "WINDOWS_SERVER_20H2_CORE", "WindowsServer20H2Core"), // ecs OsFamily
    (Variant, "FARGATE_FIPS_MODE", "FargateFipsMode"),        // ecs SettingName::FargateFipsMode
    (Variant, "N_TO_N", "NToN"),                              // batch ArrayJobDependency::NToN
    (Variant, "EC2", "Ec2"),                                  // ecs LaunchType::Ec2
    (Variant, "HTTP2", "Http2"),                              // ecs ApplicationProtocol::Http2
    (Variant, "ExecuteCommandAgent", "ExecuteCommandAgent"),  // ecs ManagedAgentName
    (Variant, "nvidiaMps", "NvidiaMps"),                      // ecs SharingStrategy::NvidiaMps (union)
    // --- variant_name: raw values (botocore has only these) ---
    (Variant, "json-file", "JsonFile"),                       // ecs/batch LogDriver::JsonFile
    (Variant, "fargateFIPSMode", "FargateFipsMode"),          // ecs SettingName::FargateFipsMode
    (Variant, "container-instance", "ContainerInstance"),     // ecs TargetType::ContainerInstance
    (Variant, "aws_managed", "AwsManaged"),                   // ecs SettingType::AwsManaged
    (Variant, "http2", "Http2"),                              // ecs ApplicationProtocol::Http2
    (Variant, "ext4", "Ext4"),                                // ecs TaskFilesystemType::Ext4
    (Variant, "1.0", "V1_0"),                                 // rule: leading digit gets V, digit groups keep `_`
    (Variant, "2012-10-17", "V2012_10_17"),                   // rule: leading digit gets V
    (Variant, "ml.t3.2xlarge", "MlT32xlarge"),                // rule: dots separate like `_`
    (Variant, "Unknown", "UnknownValue"),                     // rule from smithy-rs (enums own an Unknown)
    (Variant, "self", "SelfValue"),                           // rule from smithy-rs RustReservedWords
    (Variant, "", "Unnamed"),                                 // rule: nothing to name
    (Variant, "*", "Unnamed"),                                // rule: nothing to name
];
