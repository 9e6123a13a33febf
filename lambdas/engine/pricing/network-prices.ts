/**
 * Network prices for us-east-1 (US East, N. Virginia), USD (checked 2026-11-29):
 * - Public IPv4 addresses, https://aws.amazon.com/vpc/pricing/ ("Public IPv4 Address" tab): $0.005 per IP per hour
 *   since 2024-02-01, whether idle or in use (AWS News Blog "New – AWS Public IPv4 Address Charge + Public IP Insights",
 *   2023-07-28). Before that date only idle Elastic IPs were billed.
 * - NAT gateways, same page ("NAT Gateway" tab): $0.045 per NAT gateway-hour and $0.045 per GB processed, in either
 *   direction, regardless of source or destination.
 * - Elastic Load Balancing, https://aws.amazon.com/elasticloadbalancing/pricing/: the hourly charge per load balancer
 *   (capacity units — LCU/NLCU/GLCU — are usage-driven and near zero on an idle load balancer, so not modelled):
 *   Application $0.0225, Network $0.0225, Gateway $0.0125 (per AZ-hour), Classic $0.025.
 */

export const PUBLIC_IPV4_HOURLY_USD = 0.005;

export const NAT_GATEWAY_HOURLY_USD = 0.045;
export const NAT_GATEWAY_PER_GB_PROCESSED_USD = 0.045;

export type LoadBalancerType = 'application' | 'network' | 'gateway' | 'classic';

export const LOAD_BALANCER_HOURLY_USD: Readonly<Record<LoadBalancerType, number>> = {
  application: 0.0225,
  network: 0.0225,
  gateway: 0.0125,
  classic: 0.025,
};
