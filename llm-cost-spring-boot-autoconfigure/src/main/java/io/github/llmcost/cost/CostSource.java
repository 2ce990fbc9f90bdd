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

package io.github.llmcost.cost;

/**
 * Where the cost recorded for a call comes from, the value of the
 * {@code gen_ai.usage.cost.source} span attribute.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public enum CostSource {

	/**
	 * Computed by llm-cost from the usage the provider reported and a known price.
	 */
	LOCAL("local"),

	/**
	 * Computed from token counts that llm-cost estimated, because the call ended without
	 * reported usage.
	 */
	ESTIMATED("estimated"),

	/**
	 * Not computed: the model has no price.
	 */
	UNPRICED("unpriced");

	private final String value;

	CostSource(String value) {
		this.value = value;
	}

	/**
	 * Return the value of this source as it appears on spans.
	 * @return the value
	 */
	public String value() {
		return this.value;
	}

}
