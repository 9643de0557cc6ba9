// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "zonehub",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "zonehub", targets: ["zonehub"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // The configuration file, /etc/zonehub/zonehub.toml (toml++ under it: about 20 s more of a first debug build).
        .package(url: "https://github.com/LebJe/TOMLKit.git", exact: "0.6.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
    ],
    targets: [
        .target(
            name: "Storage",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "Community", dependencies: ["Storage", .product(name: "Logging", package: "swift-log")]),
        // A target per feature: each owns its records, rules, store protocols and the one SQL store behind them.
        .target(name: "Moderation", dependencies: ["Storage", "Community"]),
        .target(
            name: "PopUps", dependencies: ["Storage", "Community", .product(name: "Logging", package: "swift-log")]),
        // Search finds products too: the directory reads the catalogue's records.
        .target(name: "Directory", dependencies: ["Storage", "Community", "Catalogue"]),
        // Merchants' products: their records, rules, CSV files, photos and the SQL stores behind them.
        .target(name: "Catalogue", dependencies: ["Storage", "Community", "Photos"]),
        // Order requests, click-and-collect windows and holiday pre-order campaigns on merchants' products.
        .target(
            name: "Orders",
            dependencies: ["Storage", "Community", "Catalogue", .product(name: "Crypto", package: "swift-crypto")]),
        // People join on their own: sign-ups, address verification, zone admins' approval, password recovery.
        .target(
            name: "Membership",
            dependencies: ["Storage", "Community", .product(name: "Logging", package: "swift-log")]),
        // What the hub sends out: feeds, calendars, digests, subscriptions, WebSub, and the mail outbox under them.
        .target(
            name: "Feeds",
            dependencies: [
                "Storage", "Community", "PopUps", "Membership", "CCurl",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Notices for people who act (zone admins, organisers, applicants, operators), through the outbox.
        .target(
            name: "Notices",
            dependencies: [
                "Storage", "Community", "Feeds", "PopUps", .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // Photos: uploads, their variants and where they are shown; the image library is behind `PhotoProcessor`.
        .target(
            name: "Photos",
            dependencies: ["Storage", "Community", .product(name: "Crypto", package: "swift-crypto")]),
        // libvips decoding and encoding photos, on threads of its own; the only target that knows the C library.
        .target(name: "Imaging", dependencies: ["Photos", "CVips"]),
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .executableTarget(
            name: "zonehub",
            dependencies: [
                "Storage", "Community", "Moderation", "PopUps", "Directory", "Feeds", "Membership", "Notices", "CCurl",
                "CQRencode", "Photos", "Imaging", "Catalogue", "Orders",
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            // Compiled into the binary, which is deployed alone: a bundle beside it would be one more thing to copy.
            resources: [.embedInCode("API/openapi.json")]
        ),
        .target(
            name: "HubTestSupport",
            dependencies: [
                "Storage", "Community", "Moderation", "PopUps", "Directory", "Feeds", "Membership", "Notices",
            ],
            path: "Tests/HubTestSupport"),
        .testTarget(
            name: "CommunityTests",
            dependencies: ["Storage", "Community", "HubTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Golden"]
        ),
        .testTarget(name: "StorageTests", dependencies: ["Storage"]),
        .testTarget(
            name: "PhotosTests",
            dependencies: ["Storage", "Community", "Photos", "Imaging", "PopUps", "Directory", "HubTestSupport"],
            exclude: ["data"]),
        .testTarget(name: "ModerationTests", dependencies: ["Storage", "Moderation", "HubTestSupport"]),
        .testTarget(name: "PopUpsTests", dependencies: ["Storage", "Community", "PopUps", "HubTestSupport"]),
        .testTarget(name: "MembershipTests", dependencies: ["Storage", "Community", "Membership", "HubTestSupport"]),
        .testTarget(
            name: "DirectoryTests", dependencies: ["Storage", "Community", "Directory", "Catalogue", "HubTestSupport"]),
        .testTarget(
            name: "CatalogueTests",
            dependencies: ["Storage", "Community", "Catalogue", "Photos", "Imaging", "HubTestSupport"]),
        .testTarget(
            name: "OrdersTests", dependencies: ["Storage", "Community", "Catalogue", "Orders", "HubTestSupport"]),
        .testTarget(
            name: "NoticesTests",
            dependencies: ["Storage", "Community", "Moderation", "PopUps", "Feeds", "Notices", "HubTestSupport"]),
        .testTarget(
            name: "FeedsTests", dependencies: ["Storage", "Feeds", "HubTestSupport"],
            exclude: ["Golden", "Mail/Bounces"]),
        .testTarget(
            name: "zonehubTests",
            dependencies: [
                "zonehub", "Storage", "HubTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            exclude: ["Golden"]
        ),
    ]
)
