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

package io.github.llmcost.recording;

/**
 * Receives every priced model call from the {@link LlmCostRecorder}: the meters, the
 * endpoint totals, the spend-rate recorder. Beans of this type are registered with the
 * auto-configured recorder. A listener must be fast and thread-safe; what it throws is
 * logged and goes no further.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
@FunctionalInterface
public interface PricedCallListener {

	/**
	 * Take a priced call.
	 * @param call the call
	 */
	void onPricedCall(PricedCall call);

}
