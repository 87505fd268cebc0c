import type { components } from '../../api/schema';

export type Portfolio = components['schemas']['PortfolioDto'];
export type PortfolioSection = 'funnel' | 'overdue' | 'councils' | 'budget' | 'envelopes' | 'dialogue' | 'leverage';

/** The overview's filter as the URL keeps it (empty: all). */
export interface PortfolioQuery {
  callId?: string;
  year?: number;
}
