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

/**
 * Where the token usage of a call comes from, the value of the {@code llm.usage.source}
 * meter tag.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public enum UsageSource {

	/**
	 * The provider reported the usage.
	 */
	REPORTED("reported"),

	/**
	 * llm-cost counted the tokens itself, because the call ended without usage (a stream
	 * cancelled or failed before its usage arrived, or one whose provider sends none).
	 */
	ESTIMATED("estimated");

	private final String value;

	UsageSource(String value) {
		this.value = value;
	}

	/**
	 * Return the value of this source as meters show it.
	 * @return the value
	 */
	public String value() {
		return this.value;
	}

}
