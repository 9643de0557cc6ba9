/// Where a zone's sign-up policy is read: Membership asks, Moderation answers from the zone's rules (its admins'
/// edit on the rules page, else the zone file). Declared here so that neither sibling imports the other.
package protocol SignUpPolicySource: Sendable {
    /// Whether new merchant accounts in `zone` wait for an admin or are active once their address is confirmed.
    func signUpPolicy(for zone: Zone) async throws -> ZoneDefinition.SignUpPolicy
}

/// The zone file's word alone (`moderation.merchantSignUps`), for services built without a rules store.
package struct ZoneFileSignUpPolicy: SignUpPolicySource {
    package init() {}

    package func signUpPolicy(for zone: Zone) async throws -> ZoneDefinition.SignUpPolicy {
        zone.definition.moderation.signUpPolicy
    }
}
