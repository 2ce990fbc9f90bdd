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

package io.github.llmcost.usage;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.metadata.Usage;
import org.springframework.util.ClassUtils;

/**
 * The {@link UsageNormalizer usage normalizers} to try in order, with
 * {@link DefaultUsageNormalizer} for usage that none of them supports.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public final class UsageNormalizers {

	private static final String OPENAI_USAGE = "com.openai.models.completions.CompletionUsage";

	private static final String ANTHROPIC_USAGE = "com.anthropic.models.messages.Usage";

	private static final String GOOGLE_GENAI_USAGE = "com.google.genai.types.GenerateContentResponseUsageMetadata";

	private final List<UsageNormalizer> normalizers;

	private final UsageNormalizer fallback = new DefaultUsageNormalizer();

	/**
	 * Create an instance that tries the given normalizers in order.
	 * @param normalizers the normalizers
	 */
	public UsageNormalizers(List<? extends UsageNormalizer> normalizers) {
		this.normalizers = List.copyOf(normalizers);
	}

	/**
	 * Create an instance with a normalizer for each provider whose Spring AI client is on
	 * the class path.
	 * @param classLoader the class loader to look in, or {@code null} for the default
	 * @return the normalizers
	 */
	public static UsageNormalizers detect(@Nullable ClassLoader classLoader) {
		List<UsageNormalizer> normalizers = new ArrayList<>();
		if (ClassUtils.isPresent(OPENAI_USAGE, classLoader)) {
			normalizers.add(new OpenAiUsageNormalizer());
		}
		if (ClassUtils.isPresent(ANTHROPIC_USAGE, classLoader)) {
			normalizers.add(new AnthropicUsageNormalizer());
		}
		if (ClassUtils.isPresent(GOOGLE_GENAI_USAGE, classLoader)) {
			normalizers.add(new GoogleGenAiUsageNormalizer());
		}
		return new UsageNormalizers(normalizers);
	}

	/**
	 * Normalize usage with the first normalizer that supports it.
	 * @param usage the usage reported by a model
	 * @return the normalized usage
	 */
	public TokenUsage normalize(Usage usage) {
		for (UsageNormalizer normalizer : this.normalizers) {
			if (normalizer.supports(usage)) {
				return normalizer.normalize(usage);
			}
		}
		return this.fallback.normalize(usage);
	}

	/**
	 * Normalize the usage of a response if it reports any tokens.
	 * @param usage the usage reported by a model, if any
	 * @return the normalized usage, or {@code null} if the response reported no token
	 */
	public @Nullable TokenUsage normalizeReported(@Nullable Usage usage) {
		if (usage == null) {
			return null;
		}
		Integer total = usage.getTotalTokens();
		Long cacheRead = usage.getCacheReadInputTokens();
		Long cacheWrite = usage.getCacheWriteInputTokens();
		boolean reported = (total != null && total > 0) || (cacheRead != null && cacheRead > 0)
				|| (cacheWrite != null && cacheWrite > 0);
		return reported ? normalize(usage) : null;
	}

}
