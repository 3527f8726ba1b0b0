/** Types generated for queries found in "src/pricing/pricing.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type NumberOrString = number | string;

/** 'LoadModelPrices' parameters type */
export interface ILoadModelPricesParams {
  document: Json;
  source: string;
}

/** 'LoadModelPrices' return type */
export interface ILoadModelPricesResult {
  models: number;
}

/** 'LoadModelPrices' query type */
export interface ILoadModelPricesQuery {
  params: ILoadModelPricesParams;
  result: ILoadModelPricesResult;
}

const loadModelPricesIR: any = {"usedParamSet":{"document":true,"source":true},"params":[{"name":"document","required":true,"transform":{"type":"scalar"},"locs":[{"a":29,"b":38}]},{"name":"source","required":true,"transform":{"type":"scalar"},"locs":[{"a":47,"b":54}]}],"statement":"select api.load_model_prices(:document!::json, :source!) as \"models!\""};

/**
 * Query generated from SQL:
 * ```
 * select api.load_model_prices(:document!::json, :source!) as "models!"
 * ```
 */
export const loadModelPrices = new PreparedQuery<ILoadModelPricesParams,ILoadModelPricesResult>(loadModelPricesIR);


/** 'PriceRequest' parameters type */
export interface IPriceRequestParams {
  cache1hTokens: NumberOrString;
  cache5mTokens: NumberOrString;
  cacheCreationTokens: NumberOrString;
  cacheReadTokens: NumberOrString;
  cacheSplit: boolean;
  inputTokens: NumberOrString;
  model: string;
  outputTokens: NumberOrString;
  path: string;
}

/** 'PriceRequest' return type */
export interface IPriceRequestResult {
  cacheCreate: string;
  cacheCreate1h: string;
  cacheCreate5m: string;
  cacheRead: string;
  input: string;
  longContext: boolean;
  output: string;
  priceKey: string | null;
  total: string;
}

/** 'PriceRequest' query type */
export interface IPriceRequestQuery {
  params: IPriceRequestParams;
  result: IPriceRequestResult;
}

const priceRequestIR: any = {"usedParamSet":{"model":true,"inputTokens":true,"outputTokens":true,"cacheCreationTokens":true,"cache5mTokens":true,"cache1hTokens":true,"cacheReadTokens":true,"cacheSplit":true,"path":true},"params":[{"name":"model","required":true,"transform":{"type":"scalar"},"locs":[{"a":295,"b":301}]},{"name":"inputTokens","required":true,"transform":{"type":"scalar"},"locs":[{"a":304,"b":316}]},{"name":"outputTokens","required":true,"transform":{"type":"scalar"},"locs":[{"a":319,"b":332}]},{"name":"cacheCreationTokens","required":true,"transform":{"type":"scalar"},"locs":[{"a":335,"b":355}]},{"name":"cache5mTokens","required":true,"transform":{"type":"scalar"},"locs":[{"a":358,"b":372}]},{"name":"cache1hTokens","required":true,"transform":{"type":"scalar"},"locs":[{"a":375,"b":389}]},{"name":"cacheReadTokens","required":true,"transform":{"type":"scalar"},"locs":[{"a":417,"b":433}]},{"name":"cacheSplit","required":true,"transform":{"type":"scalar"},"locs":[{"a":436,"b":447}]},{"name":"path","required":true,"transform":{"type":"scalar"},"locs":[{"a":450,"b":455}]}],"statement":"select price_key as \"priceKey\", long_context as \"longContext!\", input as \"input!\", output as \"output!\",\n       cache_create as \"cacheCreate!\", cache_create_5m as \"cacheCreate5m!\", cache_create_1h as \"cacheCreate1h!\",\n       cache_read as \"cacheRead!\", total as \"total!\"\n  from api.price_request(:model!, :inputTokens!, :outputTokens!, :cacheCreationTokens!, :cache5mTokens!, :cache1hTokens!,\n                         :cacheReadTokens!, :cacheSplit!, :path!)"};

/**
 * Query generated from SQL:
 * ```
 * select price_key as "priceKey", long_context as "longContext!", input as "input!", output as "output!",
 *        cache_create as "cacheCreate!", cache_create_5m as "cacheCreate5m!", cache_create_1h as "cacheCreate1h!",
 *        cache_read as "cacheRead!", total as "total!"
 *   from api.price_request(:model!, :inputTokens!, :outputTokens!, :cacheCreationTokens!, :cache5mTokens!, :cache1hTokens!,
 *                          :cacheReadTokens!, :cacheSplit!, :path!)
 * ```
 */
export const priceRequest = new PreparedQuery<IPriceRequestParams,IPriceRequestResult>(priceRequestIR);


