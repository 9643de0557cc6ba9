import Catalogue
import Community

/// The demo merchants' products, by merchant name, so that a newcomer sees catalogues on their pages.
extension DemoContent {
    static let products: [String: [ProductDetails]] = [
        "Épicerie du Marché": [
            ProductDetails(
                name: "Miel de fleurs du Gâtinais", description: "Pot de 500 g, récolté à Milly-la-Forêt.",
                priceCents: 950, unit: .jar, category: "Épicerie"),
            ProductDetails(
                name: "Pommes du Hurepoix", priceCents: 320, unit: .kilogram, category: "Fruits et légumes"),
            ProductDetails(
                name: "Cresson de Méréville", priceCents: 250, unit: .bunch,
                availability: .seasonal(from: SeasonDay("2026-10-01")!, until: SeasonDay("2027-04-30")!),
                category: "Fruits et légumes"),
            ProductDetails(
                name: "Panier du vendredi", description: "5 kg de légumes des maraîchers, à réserver la veille.",
                priceCents: 1500, unit: .piece, availability: .toOrder, category: "Paniers"),
            ProductDetails(
                name: "Bûche chocolat-praliné", description: "Six parts, de la pâtisserie de la rue Saint-Spire.",
                priceCents: 3200, unit: .piece, availability: .toOrder, category: "Fêtes"),
            ProductDetails(
                name: "Bûche aux marrons", description: "Six parts, crème de marrons d'Ardèche.", priceCents: 2900,
                unit: .piece, availability: .toOrder, category: "Fêtes"),
        ],
        "Fromagerie des Trois Forêts": [
            ProductDetails(
                name: "Comté 18 mois", description: "Affiné dans nos caves.", priceCents: 2890, unit: .kilogram,
                category: "Fromages"),
            ProductDetails(name: "Brie de Meaux", priceCents: 2450, unit: .kilogram, category: "Fromages"),
            ProductDetails(
                name: "Plateau de Noël", description: "Six fromages pour huit personnes, sur commande.",
                priceCents: 4500, unit: .piece,
                availability: .seasonal(from: SeasonDay("2026-12-01")!, until: SeasonDay("2026-12-24")!),
                category: "Fêtes"),
        ],
        "Conserverie du Périgord Noir": [
            ProductDetails(
                name: "Foie gras de canard entier", description: "Bocal de 180 g.", priceCents: 3200, unit: .jar,
                category: "Conserves"),
            ProductDetails(name: "Confit de canard", priceCents: 1850, unit: .box, category: "Conserves"),
            ProductDetails(
                name: "Vin de Bergerac rouge", priceCents: 1100, unit: .bottle, availability: .toOrder,
                category: "Cave"),
        ],
    ]
}
