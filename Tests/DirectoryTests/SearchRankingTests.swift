import Community
import Directory
import Foundation
import Storage
import Testing

/// Relevance within the candidate set, without a database.
@Suite struct SearchRankingTests {
    let day = Date(timeIntervalSince1970: 1_773_482_400)

    func candidate(_ id: Int64, title: String, body: String = "", place: String = "", age: Double = 0)
        -> SearchCandidate
    {
        SearchCandidate(
            ref: .post(Post.ID(id)), title: title, body: body, place: place, date: day.addingTimeInterval(-age))
    }

    @Test func aWholeWordOutweighsAWordBeginning() {
        let whole = candidate(1, title: "Pain de campagne", age: 100)
        let prefix = candidate(2, title: "Painting workshop")
        #expect(SearchRanking.rank([prefix, whole], terms: ["pain"]).map(\.ref) == [whole.ref, prefix.ref])
    }

    @Test func theTitleOutweighsThePlaceWhichOutweighsTheBody() {
        let body = candidate(1, title: "Nouveautés", body: "Miel de Bergerac")
        let place = candidate(2, title: "Nouveautés", place: "Bergerac", age: 10)
        let title = candidate(3, title: "Bergerac en fête", age: 20)
        #expect(
            SearchRanking.rank([body, place, title], terms: ["bergerac"]).map(\.ref) == [
                title.ref, place.ref, body.ref,
            ])
    }

    @Test func candidatesMissingATermAreLeftOut() {
        let found = candidate(1, title: "Semaine du goût")
        let other = candidate(2, title: "Semainier en chêne")
        #expect(SearchRanking.rank([found, other], terms: ["semaine"]).map(\.ref) == [found.ref])
        #expect(
            SearchTerms.match(SearchFilter(terms: ["semaine", "bio"]), columns: ["title"])
                == #"{title} : ("semai"* "bio"*)"#)
        #expect(
            SearchTerms.match(SearchFilter(terms: ["semaine"]), columns: ["title"], prefix: false)
                == #"{title} : ("semaine")"#)
    }

    @Test func equalScoresGoToTheFreshest() {
        let old = candidate(1, title: "Marché bio", age: 3600)
        let new = candidate(2, title: "Marché bio")
        #expect(SearchRanking.score(old, terms: ["marche"]) == SearchRanking.score(new, terms: ["marche"]))
        #expect(SearchRanking.rank([old, new], terms: ["marche"]).map(\.ref) == [new.ref, old.ref])
    }

    @Test func termsAreFoldedLikeTheIndex() {
        #expect(SearchTerms.terms("L'Épicerie de la Gare") == ["epicerie", "gare"])
        #expect(SearchTerms.terms("ŒUFS œufs") == ["oeufs"])
        #expect(SearchTerms.terms("de la") == ["de", "la"])
        #expect(SearchRanking.score(candidate(1, title: "Épicerie"), terms: ["epicerie"]) == 5)
    }

    @Test func filtersBecomeFacetTokensAndWordsAreQuoted() {
        let filter = SearchFilter(
            terms: ["pain", "bio"], zoneID: Zone.ID(3), communeKey: "evry courcouronnes", category: .artisanatDArt,
            kind: .offer)
        #expect(
            SearchTerms.match(filter, columns: ["title", "body"])
                == #"{title body} : ("pain"* "bio"*) AND facets : "kdoffer" AND facets : "zn3" AND facets : "ctartisanatdart" AND facets : "cmevrycourcouronnes""#
        )
    }

    @Test(arguments: [
        "L'Épicerie du Marché", "ŒUFS frais, bœuf & cæcum", "Évry-Courcouronnes 91000", "Noël à l’Hôtel-Dieu",
        "Crème brûlée façon grand-mère", "Straße Øresund naïve", "e\u{301}picerie de\u{301}compose\u{301}e",
    ])
    func quickWordsAreTheFoldedWords(text: String) {
        #expect(
            SearchWords.split(Substring(text)).map(String.init) == text.folded.split(separator: " ").map(String.init))
    }
}
