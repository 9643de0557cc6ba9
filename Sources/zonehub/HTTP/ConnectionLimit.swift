#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How many client connections `serve` holds at once, from the process's limit of open files.
///
/// Each connection is an open file. Past the limit, accepting fails and so does everything else that opens one: the
/// database's journal, an SMTP or PostgreSQL connection. So the server stops accepting a little before (the kernel
/// queues further connections in the listen backlog) and keeps `reserved` files for its own work.
enum ConnectionLimit {
    /// Open files kept for the database and its journal, the logs, and outbound SMTP, WebSub and PostgreSQL
    /// connections.
    static let reserved = 256

    /// Connections that fit beside the reserve when the process may open `openFiles` files (half of a small limit).
    static func connections(openFiles: Int) -> Int {
        max(openFiles / 2, openFiles - reserved)
    }

    /// Raises the soft limit of open files to the hard limit, as Go's runtime does at start (the soft limit is often
    /// 1,024, which a thousand slow clients would exhaust), and returns the limit then in force.
    static func raiseOpenFiles() -> Int {
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return 1024 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            // Refused where the hard limit is "unlimited" but the kernel has a ceiling of its own (macOS): keep it.
            if setrlimit(resource, &raised) == 0 { limit = raised }
        }
        return Int(min(limit.rlim_cur, rlim_t(1 << 24)))
    }

    #if canImport(Glibc)
        private static let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
        private static let resource = RLIMIT_NOFILE
    #endif
}
