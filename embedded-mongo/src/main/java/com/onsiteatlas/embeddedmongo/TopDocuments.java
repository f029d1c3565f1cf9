package com.onsiteatlas.embeddedmongo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The first documents of a stream in a sort order, without sorting the whole stream: a
 * page of 100 out of 10,000 matches keeps a heap of 100. Ties keep the order in which the
 * stream met them, as a stable sort of the whole stream would.
 */
final class TopDocuments {

	private TopDocuments() {
	}

	/**
	 * The first {@code count} documents in the given order.
	 * @param documents the documents, in scan order
	 * @param order the sort order
	 * @param count how many to keep, at least 1
	 * @return the first documents, sorted
	 */
	static Stream<Document> first(Stream<Document> documents, Comparator<Document> order, int count) {
		Comparator<Ranked> ranking = Comparator.<Ranked, Document>comparing(Ranked::document, order)
			.thenComparingLong(Ranked::position);
		// The heap's head is the last of the documents kept so far.
		PriorityQueue<Ranked> kept = new PriorityQueue<>(count + 1, ranking.reversed());
		long position = 0;
		for (Iterator<Document> it = documents.iterator(); it.hasNext();) {
			Ranked next = new Ranked(it.next(), position++);
			if (kept.size() < count) {
				kept.add(next);
			}
			else if (ranking.compare(next, kept.peek()) < 0) {
				kept.poll();
				kept.add(next);
			}
		}
		List<Ranked> sorted = new ArrayList<>(kept);
		sorted.sort(ranking);
		return sorted.stream().map(Ranked::document);
	}

	private record Ranked(Document document, long position) {
	}

}
