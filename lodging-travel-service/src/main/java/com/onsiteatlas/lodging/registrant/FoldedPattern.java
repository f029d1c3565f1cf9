package com.onsiteatlas.lodging.registrant;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A regular expression that finds a typed term in stored text whatever the case and the
 * accents: {@code jose} finds {@code José}, {@code ÉLODIE} finds {@code Élodie},
 * {@code анна} finds {@code Анна}. A regular expression's {@code i} flag ignores case but
 * not accents, so each letter's case and accent variants are spelled out as a character
 * class. Scripts without case or precomposed accents (Devanagari, Japanese) are matched
 * as typed.
 */
final class FoldedPattern {

	/** Combining diacritical marks, for text stored decomposed (NFD). */
	private static final String MARKS = "[\u0300-\u036F]*";

	/** Base Latin letter (lower case) to every precomposed letter built on it. */
	private static final Map<Character, Set<Character>> VARIANTS = new HashMap<>();

	/** Precomposed Latin letter to its base letter (lower case). */
	private static final Map<Character, Character> BASE = new HashMap<>();

	static {
		for (char c = 'a'; c <= 'z'; c++) {
			add(c, c);
			add(c, Character.toUpperCase(c));
		}
		for (int cp = 0x00C0; cp <= 0x024F; cp++) {
			addDecomposable((char) cp);
		}
		for (int cp = 0x1E00; cp <= 0x1EFF; cp++) {
			addDecomposable((char) cp);
		}
		// Letters with a stroke have no decomposition, but people type them without it.
		for (String pair : new String[] { "øo", "Øo", "đd", "Đd", "łl", "Łl", "ħh", "Ħh" }) {
			add(pair.charAt(1), pair.charAt(0));
		}
	}

	private FoldedPattern() {
	}

	private static void addDecomposable(char letter) {
		String decomposed = Normalizer.normalize(String.valueOf(letter), Normalizer.Form.NFD);
		char base = Character.toLowerCase(decomposed.charAt(0));
		if (decomposed.length() > 1 && base >= 'a' && base <= 'z'
				&& decomposed.chars().skip(1).allMatch((mark) -> mark >= 0x0300 && mark <= 0x036F)) {
			add(base, letter);
		}
	}

	private static void add(char base, char letter) {
		VARIANTS.computeIfAbsent(base, (key) -> new TreeSet<>()).add(letter);
		if (letter != base) {
			BASE.put(letter, base);
		}
	}

	/**
	 * The pattern finding a term anywhere in a text.
	 * @param term what was typed, not blank
	 * @return the regular expression
	 */
	static String of(String term) {
		String text = Normalizer.normalize(term, Normalizer.Form.NFC);
		StringBuilder regex = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x0300 && c <= 0x036F) {
				// A mark that composed with nothing: accents are ignored anyway.
				continue;
			}
			char base = BASE.getOrDefault(c, Character.toLowerCase(c));
			if (VARIANTS.containsKey(base)) {
				regex.append('[');
				VARIANTS.get(base).forEach(regex::append);
				regex.append(']').append(MARKS);
			}
			else if (Character.isLetter(c) && Character.toUpperCase(c) != Character.toLowerCase(c)) {
				regex.append('[')
					.append(Character.toLowerCase(c))
					.append(Character.toUpperCase(c))
					.append(Character.toTitleCase(c))
					.append(']');
			}
			else if (c < 0x80 && !Character.isLetterOrDigit(c)) {
				regex.append('\\').append(c);
			}
			else {
				regex.append(c);
			}
		}
		return regex.toString();
	}

}
