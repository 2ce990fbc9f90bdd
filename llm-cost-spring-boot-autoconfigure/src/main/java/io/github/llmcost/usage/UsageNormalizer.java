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

import org.springframework.ai.chat.metadata.Usage;

/**
 * Turns the {@link Usage} a Spring AI model reports into {@link TokenUsage} buckets.
 * Providers count differently (OpenAI's prompt tokens include cached tokens, Anthropic's
 * do not; reasoning tokens are inside completion tokens and visible only in the native
 * usage), so each provider has its own normalizer, chosen by the type of the native usage
 * object. Declare a bean of this type to support another provider.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public interface UsageNormalizer {

	/**
	 * Return whether this normalizer understands the given usage, usually by the type of
	 * its {@link Usage#getNativeUsage() native usage}.
	 * @param usage the usage reported by a model
	 * @return {@code true} if {@link #normalize(Usage)} applies
	 */
	boolean supports(Usage usage);

	/**
	 * Split the usage into disjoint buckets.
	 * @param usage the usage reported by a model
	 * @return the normalized usage
	 */
	TokenUsage normalize(Usage usage);

}
