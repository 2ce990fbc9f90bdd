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

package io.github.llmcost.attribution;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.util.Assert;

/**
 * Attribution tags of one request, to pass to a {@code ChatClient} call:
 *
 * <pre class="code">
 * chatClient.prompt()
 *     .user(message)
 *     .advisors(LlmCostTags.feature("summarize").and("user", userId))
 *     .call()
 *     .content();
 * </pre>
 *
 * Each tag becomes the advisor parameter {@code llm-cost.tag.<name>}; a tag given per
 * request beats the same tag from a {@link LlmCostTagContributor}.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public final class LlmCostTags implements Consumer<ChatClient.AdvisorSpec> {

	/**
	 * Prefix of the advisor parameters that carry attribution tags.
	 */
	public static final String PARAM_PREFIX = "llm-cost.tag.";

	private final Map<String, String> tags;

	private LlmCostTags(Map<String, String> tags) {
		this.tags = Collections.unmodifiableMap(tags);
	}

	/**
	 * Start with one tag.
	 * @param name the tag name, for example {@code feature}
	 * @param value the tag value
	 * @return the tags
	 */
	public static LlmCostTags of(String name, String value) {
		return new LlmCostTags(Map.of()).and(name, value);
	}

	/**
	 * Start with the {@code feature} tag.
	 * @param feature the feature making the call
	 * @return the tags
	 */
	public static LlmCostTags feature(String feature) {
		return of("feature", feature);
	}

	/**
	 * Start with the {@code team} tag.
	 * @param team the team owning the call
	 * @return the tags
	 */
	public static LlmCostTags team(String team) {
		return of("team", team);
	}

	/**
	 * Start with the {@code tenant} tag.
	 * @param tenant the tenant the call serves
	 * @return the tags
	 */
	public static LlmCostTags tenant(String tenant) {
		return of("tenant", tenant);
	}

	/**
	 * Start with the {@code user} tag.
	 * @param user the user the call serves
	 * @return the tags
	 */
	public static LlmCostTags user(String user) {
		return of("user", user);
	}

	/**
	 * Return these tags and one more.
	 * @param name the tag name
	 * @param value the tag value
	 * @return new tags
	 */
	public LlmCostTags and(String name, String value) {
		Assert.hasText(name, "Tag name must not be empty");
		Assert.notNull(value, () -> "Value of tag '" + name + "' must not be null");
		Map<String, String> tags = new LinkedHashMap<>(this.tags);
		tags.put(name, value);
		return new LlmCostTags(tags);
	}

	/**
	 * Return the tags.
	 * @return the tags by name
	 */
	public Map<String, String> asMap() {
		return this.tags;
	}

	@Override
	public void accept(ChatClient.AdvisorSpec advisorSpec) {
		this.tags.forEach((name, value) -> advisorSpec.param(PARAM_PREFIX + name, value));
	}

}
