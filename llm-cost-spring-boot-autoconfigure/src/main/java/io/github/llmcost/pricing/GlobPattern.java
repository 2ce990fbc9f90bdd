/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.llmcost.pricing;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.util.Assert;

/**
 * A glob pattern over model names, matched ignoring case: {@code *} matches any run of
 * characters, {@code ?} one character, {@code [abc]} or {@code [a-z]} one of a set
 * ({@code [!abc]} one not in it), and {@code {a,b}} either alternative.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public final class GlobPattern {

	private final String glob;

	private final Pattern pattern;

	private GlobPattern(String glob, Pattern pattern) {
		this.glob = glob;
		this.pattern = pattern;
	}

	/**
	 * Return whether the text contains characters with a meaning in a glob pattern.
	 * @param text the text
	 * @return {@code true} if the text is a pattern rather than a plain name
	 */
	public static boolean isPattern(String text) {
		for (int i = 0; i < text.length(); i++) {
			if ("*?[]{}".indexOf(text.charAt(i)) >= 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Compile a glob pattern.
	 * @param glob the pattern
	 * @return the compiled pattern
	 * @throws IllegalArgumentException if the pattern is malformed, with the reason
	 */
	public static GlobPattern compile(String glob) {
		Assert.hasText(glob, "pattern must not be empty");
		StringBuilder regex = new StringBuilder();
		boolean inGroup = false;
		int i = 0;
		while (i < glob.length()) {
			char c = glob.charAt(i);
			switch (c) {
				case '*' -> regex.append(".*");
				case '?' -> regex.append('.');
				case '[' -> i = appendCharacterClass(glob, i, regex);
				case ']' -> throw new IllegalArgumentException(
						"unexpected ']' at position " + i + " of pattern '" + glob + "'");
				case '{' -> {
					Assert.isTrue(!inGroup, () -> "nested '{' at position %d of pattern '%s'"
						.formatted(glob.indexOf('{', glob.indexOf('{') + 1), glob));
					inGroup = true;
					regex.append("(?:");
				}
				case '}' -> {
					Assert.isTrue(inGroup, () -> "unexpected '}' in pattern '" + glob + "'");
					inGroup = false;
					regex.append(')');
				}
				case ',' -> regex.append(inGroup ? "|" : ",");
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
			i++;
		}
		Assert.isTrue(!inGroup, () -> "unclosed '{' in pattern '" + glob + "'");
		return new GlobPattern(glob, Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE));
	}

	private static int appendCharacterClass(String glob, int start, StringBuilder regex) {
		int end = glob.indexOf(']', start + 1);
		Assert.isTrue(end > 0, () -> "unclosed '[' at position " + start + " of pattern '" + glob + "'");
		String members = glob.substring(start + 1, end);
		boolean negated = members.startsWith("!");
		if (negated) {
			members = members.substring(1);
		}
		Assert.isTrue(!members.isEmpty(), () -> "empty '[]' at position " + start + " of pattern '" + glob + "'");
		regex.append('[').append(negated ? "^" : "");
		for (char member : members.toCharArray()) {
			if (!Character.isLetterOrDigit(member) && member != '-') {
				regex.append('\\');
			}
			regex.append(member);
		}
		regex.append(']');
		return end;
	}

	/**
	 * Return whether a model name matches this pattern, ignoring case.
	 * @param model the model name
	 * @return {@code true} if it matches
	 */
	public boolean matches(String model) {
		return this.pattern.matcher(model.toLowerCase(Locale.ROOT)).matches();
	}

	@Override
	public String toString() {
		return this.glob;
	}

}
