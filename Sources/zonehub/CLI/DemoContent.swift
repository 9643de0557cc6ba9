import Community
import Feeds
import Foundation

/// Sample merchants and posts for the four shipped zones, so a newcomer sees a living hub.
enum DemoContent {
    struct DemoMerchant {
        let zone: String
        let profile: MerchantProfile
        let posts: [DemoPost]
    }

    struct DemoPost {
        let kind: PostKind
        let title: String
        let body: String
        let category: Category
        var priceCents: Int? = nil
        /// Days from now until the offer ends.
        var validForDays: Int? = nil
        /// Days from now until the event.
        var eventInDays: Int? = nil
        /// Left waiting in the zone's review queue.
        var held = false
    }

    static let password = "demo-zonehub-2026"
    static let emailDomain = "demo.example.org"

    static func ownerEmail(zone: String) -> String { "marchand.\(zone)@\(emailDomain)" }
    static func adminEmail(zone: String) -> String { "admin.\(zone)@\(emailDomain)" }
    /// Two confirmed digest subscribers per zone: daily for everything, weekly for food and restaurants.
    static func subscribers(zone: String) -> [(String, DigestFrequency, [Category])] {
        [
            ("habitant.\(zone)@example.org", .daily, []),
            ("voisine.\(zone)@example.org", .weekly, [.alimentation, .restauration]),
        ]
    }

    /// The `index`th sample subscriber of `demo --subscribers`: zones in turn, two in three daily, one in four
    /// narrowed to food.
    static func sampleSubscriber(_ index: Int, zones: [Zone.ID]) -> (
        email: String, preferences: SubscriptionPreferences
    ) {
        let zone = zones[index % zones.count]
        return (
            "abonne\(index + 1)@example.org",
            SubscriptionPreferences(
                zoneIDs: [zone], categories: index % 4 == 3 ? [.alimentation] : [],
                frequency: index % 3 == 2 ? .weekly : .daily)
        )
    }

    static let merchants: [DemoMerchant] = [
        DemoMerchant(
            zone: "centre-essonne",
            profile: MerchantProfile(
                name: "Épicerie du Marché",
                description: "Épicerie fine et produits du terroir de l'Essonne, "
                    + "fruits et légumes des maraîchers du Hurepoix.",
                categories: [.alimentation], commune: "Corbeil-Essonnes", postcode: "91100",
                address: "12 rue Saint-Spire", phone: "01 60 88 12 34",
                website: "https://epicerie-du-marche.example.org",
                links: ["https://www.example.org/boutiques/epicerie-du-marche"],
                openingHours: "Tu-Sa 09:00-19:30; PH off",
                siret: "90000412300015", zones: ["centre-essonne"]),
            posts: [
                DemoPost(
                    kind: .offer, title: "Panier de légumes de saison à 15 €",
                    body: "Chaque vendredi, un panier de 5 kg de légumes des maraîchers du Hurepoix.\n\n"
                        + "Réservation en boutique ou sur https://epicerie-du-marche.example.org/panier",
                    category: .alimentation, priceCents: 1500, validForDays: 30),
                DemoPost(
                    kind: .news, title: "Nouveau : miels du Gâtinais",
                    body: "Trois miels d'un apiculteur de Milly-la-Forêt rejoignent nos rayons : acacia, tilleul et "
                        + "toutes fleurs.", category: .alimentation, held: true),
                DemoPost(
                    kind: .offer, title: "-20 % sur les confitures artisanales",
                    body: "Jusqu'à la fin du mois, toutes les confitures de la ferme de Vert-le-Grand.",
                    category: .alimentation, validForDays: 10, held: true),
            ]),
        DemoMerchant(
            zone: "centre-essonne",
            profile: MerchantProfile(
                name: "Atelier Terre & Feu",
                description: "Céramiques tournées à la main, cours de tournage pour "
                    + "adultes et enfants.",
                categories: [.artisanatDArt, .maisonDeco], commune: "Évry-Courcouronnes", postcode: "91000",
                address: "4 place des Terrasses de l'Agora", phone: "06 12 34 56 78",
                links: ["https://www.example.org/createurs/terre-et-feu"], openingHours: "We-Sa 10:00-18:00",
                zones: ["centre-essonne"]),
            posts: [
                DemoPost(
                    kind: .event, title: "Portes ouvertes de l'atelier",
                    body: "Démonstration de tournage et cuisson raku dans la cour. Entrée libre.",
                    category: .artisanatDArt, eventInDays: 12),
                DemoPost(
                    kind: .offer, title: "Stage d'initiation au tournage — 2 h",
                    body: "Petits groupes de 4 personnes, terre et cuisson comprises.", category: .artisanatDArt,
                    priceCents: 4500, validForDays: 60),
                DemoPost(
                    kind: .news, title: "Bols et tasses : nouvelle collection",
                    body: "Émaux bleu Essonne et vert forêt de Sénart, en boutique dès samedi.",
                    category: .maisonDeco, held: true),
            ]),
        DemoMerchant(
            zone: "oise",
            profile: MerchantProfile(
                name: "Librairie La Page Picarde",
                description: "Librairie indépendante : romans, BD, jeunesse et "
                    + "un rayon régional sur la Picardie.",
                categories: [.livres], commune: "Beauvais", postcode: "60000", address: "8 rue de la Madeleine",
                phone: "03 44 45 12 12", website: "https://lapagepicarde.example.org",
                links: ["https://www.example.org/librairies/la-page-picarde"],
                openingHours: "Tu-Sa 09:30-19:00; PH off",
                zones: ["oise"]),
            posts: [
                DemoPost(
                    kind: .event, title: "Rencontre-dédicace avec une autrice picarde",
                    body: "Venez échanger autour de son dernier roman, suivi d'une séance de dédicaces.",
                    category: .livres, eventInDays: 9),
                DemoPost(
                    kind: .offer, title: "Click & collect : commande prête en 2 h",
                    body: "Commandez par téléphone ou sur https://lapagepicarde.example.org et retirez en boutique.",
                    category: .livres, validForDays: 45),
            ]),
        DemoMerchant(
            zone: "oise",
            profile: MerchantProfile(
                name: "Fromagerie des Trois Forêts",
                description: "Fromages affinés sur place, spécialités du Nord "
                    + "et de Picardie.",
                categories: [.alimentation], commune: "Senlis", postcode: "60300", address: "21 rue de Paris",
                phone: "03 44 53 00 00", openingHours: "Tu-Sa 08:30-13:00,15:30-19:00; Su 08:30-13:00", zones: ["oise"]),
            posts: [
                DemoPost(
                    kind: .offer, title: "Plateau raclette pour 4 personnes",
                    body: "800 g de fromage au lait cru et charcuterie de l'Oise. À commander 48 h à l'avance.",
                    category: .alimentation, priceCents: 3890, validForDays: 40),
                DemoPost(
                    kind: .news, title: "Le maroilles fermier est de retour",
                    body: "Arrivage cette semaine, affiné huit semaines.", category: .alimentation, held: true),
            ]),
        DemoMerchant(
            zone: "dordogne",
            profile: MerchantProfile(
                name: "Conserverie du Périgord Noir",
                description: "Conserves artisanales de canard, noix et "
                    + "truffes du Périgord.",
                categories: [.alimentation], commune: "Sarlat-la-Canéda", postcode: "24200",
                address: "3 rue de la Liberté", phone: "05 53 31 00 00",
                website: "https://conserverie-perigord-noir.example.org",
                links: ["https://www.example.org/producteurs/conserverie-perigord-noir"],
                openingHours: "Mo-Sa 09:00-19:00; PH off", zones: ["dordogne"]),
            posts: [
                DemoPost(
                    kind: .offer, title: "Coffret gourmand de Noël",
                    body: "Foie gras mi-cuit, confit de canard, confiture de noix : livraison gratuite dans toute "
                        + "la zone.", category: .alimentation, priceCents: 4990, validForDays: 35),
                DemoPost(
                    kind: .event, title: "Marché aux truffes — dégustation",
                    body: "Dégustation de brouillade aux truffes devant la boutique, samedi matin.",
                    category: .alimentation, eventInDays: 6),
            ]),
        DemoMerchant(
            zone: "dordogne",
            profile: MerchantProfile(
                name: "Vélo Vallée",
                description: "Location, vente et réparation de vélos, sorties guidées sur la "
                    + "voie verte de la Dordogne.",
                categories: [.sportLoisirs, .services], commune: "Bergerac", postcode: "24100",
                address: "15 quai Salvette", phone: "05 53 57 00 00", openingHours: "Tu-Sa 09:00-12:00,14:00-18:30",
                zones: ["dordogne"]),
            posts: [
                DemoPost(
                    kind: .offer, title: "Révision complète de votre vélo",
                    body: "Réglages, freins, transmission et pneus contrôlés en 48 h.", category: .services,
                    priceCents: 5900, validForDays: 90),
                DemoPost(
                    kind: .news, title: "Nouveaux vélos à assistance électrique en location",
                    body: "Dix nouveaux VAE disponibles à la journée ou à la semaine.", category: .sportLoisirs),
            ]),
        DemoMerchant(
            zone: "bassin-d-arcachon",
            profile: MerchantProfile(
                name: "Cabane à Huîtres Le Pinasse",
                description: "Ostréiculteurs depuis trois générations : "
                    + "huîtres du Bassin en direct du producteur.",
                categories: [.alimentation, .restauration], commune: "Gujan-Mestras", postcode: "33470",
                address: "Port de Larros", phone: "05 56 66 00 00", openingHours: "Mo-Su 09:00-19:00",
                zones: ["bassin-d-arcachon"]),
            posts: [
                DemoPost(
                    kind: .offer, title: "Bourriche de 3 douzaines n°3",
                    body: "Huîtres du Bassin, à retirer à la cabane ou livrées le samedi sur le Bassin.",
                    category: .alimentation, priceCents: 2700, validForDays: 30),
                DemoPost(
                    kind: .event, title: "Dégustation au port de Larros",
                    body: "Huîtres, pain, beurre demi-sel et vin blanc de Graves, au bord de l'eau.",
                    category: .restauration, eventInDays: 15),
            ]),
        DemoMerchant(
            zone: "bassin-d-arcachon",
            profile: MerchantProfile(
                name: "Boutique Dune & Vent",
                description: "Créations textiles et objets déco inspirés du Bassin, "
                    + "faits à Arcachon.",
                categories: [.mode, .maisonDeco], commune: "Arcachon", postcode: "33120",
                address: "40 boulevard de la Plage", phone: "05 56 83 00 00",
                links: ["https://www.example.org/createurs/dune-et-vent"], openingHours: "Tu-Sa 10:00-19:00; PH off",
                zones: ["bassin-d-arcachon"]),
            posts: [
                DemoPost(
                    kind: .offer, title: "Marinières brodées — série limitée",
                    body: "Coton biologique, broderie « Bassin » faite main. Tailles S à XL.", category: .mode,
                    priceCents: 5500, validForDays: 20),
                DemoPost(
                    kind: .news, title: "Vitrine de Noël inaugurée",
                    body: "Venez découvrir la vitrine réalisée avec les enfants de l'école du quartier.",
                    category: .maisonDeco, held: true),
            ]),
    ]
}
