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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.llmcost.attribution.AttributionPolicy.Attribution;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AttributionPolicy} and {@link LlmCostTags}.
 *
 * @author llm-cost contributors
 */
class AttributionPolicyTests {

	@Test
	void requestTagsShouldBeatContributorsAndLaterContributorsEarlierOnes() {
		LlmCostTagContributor first = (request) -> Map.of("feature", "first", "team", "first", "tenant", "acme");
		LlmCostTagContributor second = (request) -> Map.of("feature", "second", "team", "second");
		AttributionPolicy policy = new AttributionPolicy(List.of(first, second), List.of("feature", "team"), 10);
		Attribution attribution = policy.attribute(request(LlmCostTags.feature("request")));
		assertThat(attribution.tags()).containsEntry("feature", "request")
			.containsEntry("team", "second")
			.containsEntry("tenant", "acme");
		assertThat(attribution.metricTags()).containsExactly(Map.entry("feature", "request"),
				Map.entry("team", "second"));
	}

	@Test
	void metricTagsShouldAlwaysBePresentWithNoneWhenMissing() {
		AttributionPolicy policy = new AttributionPolicy(List.of(), List.of("feature", "team"), 10);
		Attribution attribution = policy.attribute(request(LlmCostTags.user("alice")));
		assertThat(attribution.metricTags()).containsExactly(Map.entry("feature", "none"), Map.entry("team", "none"));
		assertThat(attribution.tags()).containsOnly(Map.entry("user", "alice"));
		assertThat(attribution.cappedTags()).isEmpty();
	}

	@Test
	void shouldCapDistinctValuesOfEachMetricTag() {
		AttributionPolicy policy = new AttributionPolicy(List.of(), List.of("feature"), 2);
		assertThat(policy.attribute(request(LlmCostTags.feature("a"))).metricTags()).containsEntry("feature", "a");
		assertThat(policy.attribute(request(LlmCostTags.feature("b"))).metricTags()).containsEntry("feature", "b");
		Attribution third = policy.attribute(request(LlmCostTags.feature("c")));
		assertThat(third.metricTags()).containsEntry("feature", "other");
		assertThat(third.cappedTags()).containsExactly("feature");
		// the span still carries the real value, and admitted values stay admitted
		assertThat(third.tags()).containsEntry("feature", "c");
		assertThat(policy.attribute(request(LlmCostTags.feature("a"))).metricTags()).containsEntry("feature", "a");
	}

	@Test
	void shouldStripControlCharactersAndCutLongValues() {
		AttributionPolicy policy = new AttributionPolicy(List.of(), List.of(), 10);
		String longValue = "x".repeat(500);
		Attribution attribution = policy.attribute(
				request(LlmCostTags.of("feature", " sum\nmar\u0000ize\t ").and("user", longValue).and("team", "\n\t")));
		assertThat(attribution.tags()).containsEntry("feature", "summarize");
		assertThat(attribution.tags().get("user")).hasSize(AttributionPolicy.MAX_VALUE_LENGTH);
		assertThat(attribution.tags()).doesNotContainKey("team");
	}

	@Test
	void shouldLeaveOutTagsOfFailingContributor() {
		LlmCostTagContributor broken = (request) -> {
			throw new IllegalStateException("no security context");
		};
		LlmCostTagContributor working = (request) -> Map.of("team", "search");
		AttributionPolicy policy = new AttributionPolicy(List.of(broken, working), List.of("team"), 10);
		assertThat(policy.attribute(request(null)).metricTags()).containsEntry("team", "search");
	}

	@Test
	void tagsShouldBecomeAdvisorParametersWithThePrefix() {
		LlmCostTags tags = LlmCostTags.feature("summarize").and("team", "search").and("tenant", "acme");
		assertThat(tags.asMap()).containsExactly(Map.entry("feature", "summarize"), Map.entry("team", "search"),
				Map.entry("tenant", "acme"));
		assertThat(LlmCostTags.team("search").asMap()).containsOnly(Map.entry("team", "search"));
		assertThat(LlmCostTags.tenant("acme").asMap()).containsOnly(Map.entry("tenant", "acme"));
		assertThat(LlmCostTags.user("alice").asMap()).containsOnly(Map.entry("user", "alice"));
		assertThat(LlmCostTags.PARAM_PREFIX).isEqualTo("llm-cost.tag.");
	}

	private static ChatClientRequest request(LlmCostTags tags) {
		Map<String, Object> context = new HashMap<>();
		if (tags != null) {
			tags.asMap().forEach((name, value) -> context.put(LlmCostTags.PARAM_PREFIX + name, value));
		}
		context.put("unrelated", "value");
		return ChatClientRequest.builder().prompt(new Prompt("Hi")).context(context).build();
	}

}
