/*
 * arm.h: what the files of arch/arm/ share: the layout of the general
 * block (NT_PRSTATUS: r0-r15, cpsr, orig_r0, one word each) and the
 * cpsr bit of the Thumb state.
 */
#ifndef PTC_ARCH_ARM_H
#define PTC_ARCH_ARM_H

#define ARM_PC          15
#define ARM_CPSR        16
#define ARM_ORIG_R0     17
#define ARM_NGREGS      18
#define ARM_CPSR_T_BIT  5
#define ARM_CPSR_T      (1u << ARM_CPSR_T_BIT)

#endif
