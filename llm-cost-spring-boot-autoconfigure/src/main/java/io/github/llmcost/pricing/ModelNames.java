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

/**
 * Normalizes model names so that the names providers and platforms give one model meet:
 * {@code openai/gpt-4o}, {@code us.anthropic.claude-sonnet-4-20250514-v1:0} and
 * {@code claude-sonnet-4@20250514} become {@code gpt-4o} and {@code claude-sonnet-4}.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public final class ModelNames {

	private static final Pattern BEDROCK_PREFIX = Pattern.compile("^(?:(?:us|eu|apac|ap|jp|au|ca|global|us-gov)\\.)?"
			+ "(?:anthropic|amazon|meta|mistral|cohere|ai21|deepseek|openai|qwen|writer|moonshot|minimax|zai)\\.");

	private static final Pattern VERSION_SUFFIX = Pattern.compile("-v\\d+(?::\\d+)?$");

	private static final Pattern DATE_SUFFIX = Pattern.compile("[-@](?:\\d{4}-\\d{2}-\\d{2}|20\\d{6})$");

	private static final Pattern IMAGE_VARIANT = Pattern.compile("(?:^|/)(?:\\d+|max)-x-(?:\\d+|max)/");

	private ModelNames() {
	}

	/**
	 * Return whether a name is that of an image model at one size, and perhaps one
	 * quality, as in LiteLLM's {@code hd/1024-x-1792/dall-e-3}. Such names are matched
	 * exactly, never normalized: normalizing would price every size and quality at the
	 * price of one.
	 * @param name the name
	 * @return whether the name names a size of an image model
	 */
	public static boolean isImageVariant(String name) {
		return IMAGE_VARIANT.matcher(name).find();
	}

	/**
	 * Normalize a model name: lower case, without a provider path prefix such as
	 * {@code openai/}, without a Bedrock region and vendor prefix such as
	 * {@code us.anthropic.}, without a Bedrock version suffix such as {@code -v1:0}, and
	 * without a date suffix such as {@code -2024-08-06}, {@code -20250514} or
	 * {@code @20250514}.
	 * @param model the model name
	 * @return the normalized name
	 */
	public static String normalize(String model) {
		String name = model.toLowerCase(Locale.ROOT).trim();
		int slash = name.lastIndexOf('/');
		if (slash >= 0) {
			name = name.substring(slash + 1);
		}
		name = BEDROCK_PREFIX.matcher(name).replaceFirst("");
		name = VERSION_SUFFIX.matcher(name).replaceFirst("");
		name = DATE_SUFFIX.matcher(name).replaceFirst("");
		return name;
	}

}
