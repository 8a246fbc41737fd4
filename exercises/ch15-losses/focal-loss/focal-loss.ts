/**
 * Focal loss binaria (Lin et al., 2017), capítulo 15.
 *
 * p:     probabilidades predichas de la clase positiva, p[i] ∈ [0, 1] (la salida de una sigmoide).
 * y:     etiquetas reales, 0 o 1, de la misma longitud.
 * gamma: exponente de enfoque γ ≥ 0.
 * alpha: peso α ∈ [0, 1] de la clase positiva (la negativa pesa 1 − α).
 *
 * Primero recorta cada p[i] a [ε, 1 − ε] con ε = 1e-7. Con p_t = p si y = 1 y 1 − p si y = 0,
 * y α_t = α si y = 1 y 1 − α si y = 0:
 *   FL_i = −α_t · (1 − p_t)^γ · log(p_t)        (logaritmo natural)
 * Devuelve la MEDIA de FL_i sobre las muestras. No modifiques p ni y.
 */
export function focalLoss(p: number[], y: (0 | 1)[], gamma: number, alpha: number): number {
  throw new Error('Sin implementar: focalLoss');
}
