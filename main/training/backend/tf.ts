/**
 * The tfjs namespace type every training module passes around. The namespace itself is loaded once
 * by {@link ../backend/initBackend.ts} (so that optional native packages can replace it) and handed
 * down, never imported at module load by compile/ or the trainer.
 */
export type Tf = typeof import('./tfjs.ts');
