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

import java.util.Map;

import org.springframework.ai.chat.client.ChatClientRequest;

/**
 * Contributes ambient attribution tags to every LLM call, for example the authenticated
 * user, a tenant header or an MDC value. Contributors run in their
 * {@link org.springframework.core.annotation.Order order}, a later one overriding an
 * earlier one's tag; a tag given per request with {@link LlmCostTags} overrides them all.
 * A contributor runs on the thread that makes a call, or that subscribes to a stream.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
@FunctionalInterface
public interface LlmCostTagContributor {

	/**
	 * Return the tags of a call.
	 * @param request the request of the call
	 * @return the tags by name; an empty map for none
	 */
	Map<String, String> getTags(ChatClientRequest request);

}
