// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "caseaudit",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "caseaudit", targets: ["caseaudit"]),
        // The web form (`caseaudit serve`): its own product, so the core CLI never compiles SwiftNIO.
        .executable(name: "caseaudit-serve", targets: ["caseaudit-serve"]),
        // The history (`caseaudit history`, `report --history`): its own product, so the core CLI never compiles GRDB.
        .executable(name: "caseaudit-history", targets: ["caseaudit-history"]),
        .library(name: "CaseAudit", targets: ["CaseAudit"]),
        .library(name: "YAMLKit", targets: ["YAMLKit"]),
        .library(name: "CaseAuditHistory", targets: ["CaseAuditHistory"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The system libyaml (apt: libyaml-dev). The only YAML parser in the build.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Large input files mapped into memory, safe from a truncation while mapped (a SIGBUS guard).
        .target(name: "CMappedFile"),
        // libyaml → a node tree with exact source positions, limits and located errors. No policy.
        .target(name: "YAMLKit", dependencies: ["CYAML", "CMappedFile"]),
        // The library: diagnostics, criteria sets, expressions, cases, evaluation, scoring, renderers.
        .target(
            name: "CaseAudit",
            dependencies: ["YAMLKit", .product(name: "Crypto", package: "swift-crypto")],
            plugins: ["EmbedRules"]
        ),
        // Audit rounds in an embedded SQLite database (GRDB over the system libsqlite3): record, read, trend.
        .target(
            name: "CaseAuditHistory",
            dependencies: ["CaseAudit", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Build-time embedding of Rules/iaow-2013 into the library.
        .executableTarget(name: "rules-embedder", path: "Plugins/RulesEmbedder"),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["rules-embedder"]),
        // The command-line programs' allocator: mimalloc on Linux (apt: libmimalloc-dev), in place of
        // glibc's malloc for the whole process, libyaml included (see allocator.c).
        .target(
            name: "CAllocator",
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        // Argument parsing shared by the command-line programs: the case, rules and output options,
        // terminal output, exit statuses.
        .target(
            name: "CaseAuditCLI",
            dependencies: ["CaseAudit", "YAMLKit", "CAllocator", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The command line: argument parsing only.
        .executableTarget(
            name: "caseaudit",
            dependencies: [
                "CaseAudit",
                "CaseAuditCLI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `caseaudit-history`, which `caseaudit history` and `caseaudit report --history` run: argument parsing only.
        .executableTarget(
            name: "caseaudit-history",
            dependencies: [
                "CaseAudit",
                "CaseAuditCLI",
                "CaseAuditHistory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The web form over a case directory: pages, saving, security. Hummingbird 2 (SwiftNIO).
        .target(
            name: "CaseAuditServer",
            dependencies: [
                "CaseAudit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `caseaudit-serve`, which `caseaudit serve` runs: argument parsing only.
        .executableTarget(
            name: "caseaudit-serve",
            dependencies: [
                "CaseAuditServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Throughput of the tree loader against raw libyaml event parsing (not a test).
        .executableTarget(
            name: "yaml-throughput",
            dependencies: ["YAMLKit", "CYAML"],
            path: "Benchmarks/YAMLThroughput"
        ),
        // Load-and-compile time of the embedded criteria set (not a test).
        .executableTarget(name: "rules-load", dependencies: ["CaseAudit"], path: "Benchmarks/RulesLoad"),
        // A large synthetic IAOW sample for scoring benchmarks (not a test).
        .executableTarget(name: "case-generator", dependencies: ["CaseAudit", "YAMLKit"], path: "Benchmarks/CaseGenerator"),
        .testTarget(name: "YAMLKitTests", dependencies: ["YAMLKit", "CYAML"]),
        .testTarget(
            name: "CaseAuditTests",
            dependencies: ["CaseAudit"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CaseAuditServerTests",
            dependencies: [
                "CaseAuditServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "CaseAuditHistoryTests", dependencies: ["CaseAuditHistory", "CaseAudit"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer harnesses, built only by scripts/fuzz (CASEAUDIT_FUZZ=1, scratch path .build-fuzz, with
// -sanitize=fuzzer,address), so the normal build and `swift test` never see them.
if Context.environment["CASEAUDIT_FUZZ"] != nil {
    package.targets.append(.target(name: "FuzzDriver", path: "Fuzz/Driver"))
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["CaseAudit"], path: "Fuzz/Shared"))
    let harnesses: [(name: String, path: String, dependencies: [Target.Dependency])] = [
        ("fuzz-yaml", "Fuzz/YAMLLoader", ["YAMLKit", "FuzzDriver"]),
        ("fuzz-csv", "Fuzz/CSVReader", ["CaseAudit", "YAMLKit", "FuzzSupport", "FuzzDriver"]),
        ("fuzz-expression", "Fuzz/Expression", ["CaseAudit", "FuzzSupport", "FuzzDriver"]),
        ("fuzz-rules", "Fuzz/CriteriaSet", ["CaseAudit", "YAMLKit", "FuzzSupport", "FuzzDriver"]),
        ("fuzz-case", "Fuzz/CaseEvaluation", ["CaseAudit", "YAMLKit", "FuzzSupport", "FuzzDriver"]),
    ]
    for harness in harnesses {
        package.targets.append(.executableTarget(
            name: harness.name, dependencies: harness.dependencies, path: harness.path,
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
    }
}
