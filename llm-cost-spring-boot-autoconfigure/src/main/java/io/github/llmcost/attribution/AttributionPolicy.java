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

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.util.Assert;

/**
 * Decides the attribution tags of each call: it gathers the tags of the
 * {@link LlmCostTagContributor contributors} and of the request, cleans their values, and
 * picks the metric tags, whose values it caps per tag so that meters cannot grow without
 * bound.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public final class AttributionPolicy {

	/**
	 * Value of a metric tag that a call does not carry.
	 */
	public static final String NONE = "none";

	/**
	 * Value of a metric tag whose value came after the cap of distinct values.
	 */
	public static final String OTHER = "other";

	/**
	 * Longest tag value kept; longer values are cut.
	 */
	public static final int MAX_VALUE_LENGTH = 128;

	private static final Log logger = LogFactory.getLog(AttributionPolicy.class);

	private final List<LlmCostTagContributor> contributors;

	private final List<String> metricTags;

	private final int maxValuesPerTag;

	private final Map<String, Set<String>> seenValues = new ConcurrentHashMap<>();

	/**
	 * Create a policy.
	 * @param contributors the contributors of ambient tags, in order
	 * @param metricTags the names of the tags that go on meters
	 * @param maxValuesPerTag the number of distinct values a metric tag may take before
	 * further values are recorded as {@value #OTHER}
	 */
	public AttributionPolicy(List<? extends LlmCostTagContributor> contributors, List<String> metricTags,
			int maxValuesPerTag) {
		Assert.isTrue(maxValuesPerTag > 0, "maxValuesPerTag must be positive");
		this.contributors = List.copyOf(contributors);
		this.metricTags = List.copyOf(metricTags);
		this.maxValuesPerTag = maxValuesPerTag;
		for (String tag : this.metricTags) {
			this.seenValues.put(tag, ConcurrentHashMap.newKeySet());
		}
	}

	/**
	 * Return a policy without contributors or metric tags.
	 * @return the policy
	 */
	public static AttributionPolicy none() {
		return new AttributionPolicy(List.of(), List.of(), 1);
	}

	/**
	 * Return the names of the tags that go on meters.
	 * @return the metric tag names
	 */
	public List<String> getMetricTags() {
		return this.metricTags;
	}

	/**
	 * Decide the tags of a call.
	 * @param request the request of the call
	 * @return the tags
	 */
	public Attribution attribute(ChatClientRequest request) {
		Map<String, String> tags = new LinkedHashMap<>();
		for (LlmCostTagContributor contributor : this.contributors) {
			try {
				contributor.getTags(request).forEach((name, value) -> put(tags, name, value));
			}
			catch (RuntimeException ex) {
				logger.warn("Tag contributor " + contributor.getClass().getName() + " failed; its tags are left out",
						ex);
			}
		}
		request.context().forEach((key, value) -> {
			if (key.startsWith(LlmCostTags.PARAM_PREFIX) && value != null) {
				put(tags, key.substring(LlmCostTags.PARAM_PREFIX.length()), value.toString());
			}
		});
		if (this.metricTags.isEmpty()) {
			return new Attribution(Collections.unmodifiableMap(tags), Map.of(), List.of());
		}
		Map<String, String> metricTags = new LinkedHashMap<>();
		List<String> capped = new ArrayList<>(0);
		for (String name : this.metricTags) {
			String value = tags.get(name);
			if (value == null) {
				metricTags.put(name, NONE);
			}
			else if (admit(name, value)) {
				metricTags.put(name, value);
			}
			else {
				metricTags.put(name, OTHER);
				capped.add(name);
			}
		}
		return new Attribution(Collections.unmodifiableMap(tags), Collections.unmodifiableMap(metricTags),
				List.copyOf(capped));
	}

	private boolean admit(String name, String value) {
		// the constructor gave every metric tag its set
		Set<String> seen = Objects.requireNonNull(this.seenValues.get(name));
		if (seen.contains(value)) {
			return true;
		}
		if (seen.size() >= this.maxValuesPerTag) {
			// the set only grows, and only under the lock below: once full, it
			// stays full, so a capped value needs no lock that all threads share
			return false;
		}
		synchronized (seen) {
			if (seen.size() < this.maxValuesPerTag) {
				seen.add(value);
				return true;
			}
			return seen.contains(value);
		}
	}

	private static void put(Map<String, String> tags, @Nullable String name, @Nullable String value) {
		String cleanName = clean(name);
		String cleanValue = clean(value);
		if (cleanName != null && cleanValue != null) {
			tags.put(cleanName, cleanValue);
		}
	}

	/**
	 * Clean a tag name or value: strip control characters and surrounding blanks, and cut
	 * it to {@value #MAX_VALUE_LENGTH} characters.
	 * @param text the raw text
	 * @return the clean text, or {@code null} if nothing is left
	 */
	static @Nullable String clean(@Nullable String text) {
		if (text == null) {
			return null;
		}
		StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_VALUE_LENGTH));
		for (int i = 0; i < text.length() && clean.length() < MAX_VALUE_LENGTH; i++) {
			char c = text.charAt(i);
			if (!Character.isISOControl(c)) {
				clean.append(c);
			}
		}
		String result = clean.toString().strip();
		return result.isEmpty() ? null : result;
	}

	/**
	 * The attribution tags of one call.
	 *
	 * @param tags every tag of the call, by name
	 * @param metricTags the tags that go on meters: every configured metric tag, with
	 * {@value #NONE} when the call does not carry it and {@value #OTHER} when its value
	 * came after the cap
	 * @param cappedTags names of the metric tags whose value was recorded as
	 * {@value #OTHER}
	 */
	public record Attribution(Map<String, String> tags, Map<String, String> metricTags, List<String> cappedTags) {

		/**
		 * Attribution of a call without tags.
		 */
		public static final Attribution NONE = new Attribution(Map.of(), Map.of(), List.of());

	}

}
