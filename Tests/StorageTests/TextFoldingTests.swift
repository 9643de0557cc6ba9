import Testing
import Storage

@Suite struct TextFoldingTests {
    @Test(arguments: [
        ("Évry-Courcouronnes", "evry courcouronnes"),
        ("SAINT-GERMAIN-LÈS-CORBEIL", "saint germain les corbeil"),
        ("Bassin d'Arcachon", "bassin d arcachon"),
        ("  Cœur   d’Essonne ", "coeur d essonne"),
    ])
    func foldingIgnoresAccentsCasePunctuationAndSpacing(input: String, expected: String) {
        #expect(input.folded == expected)
    }

    @Test func slugsKeepOnlyLowercaseLettersDigitsAndHyphens() {
        #expect("Épicerie du Marché & Cie".slugified == "epicerie-du-marche-cie")
        #expect("L'Atelier n°5".slugified == "l-atelier-n-5")
    }
}
